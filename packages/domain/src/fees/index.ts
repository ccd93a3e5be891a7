export * from './settings.js';
export * from './fee.js';
export * from './invoice.js';
