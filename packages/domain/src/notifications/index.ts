export * from './visit-changes.js';
export * from './messages.js';
