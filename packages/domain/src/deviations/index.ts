export * from './deviation.js';
export * from './overdue.js';
export * from './lex-sarah.js';
export * from './improvement.js';
export * from './learning.js';
