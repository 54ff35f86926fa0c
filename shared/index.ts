/**
 * The one entry point of the domain package (`@scrm/shared`). Pure TypeScript: no I/O, no clock
 * reads, no framework. Both the API and the mini-program import from here and nowhere deeper.
 */

export * from './analytics/index.js';
export * from './calibration/index.js';
export * from './campaigns/index.js';
export * from './channels/index.js';
export * from './contracts/index.js';
export * from './errors.js';
export * from './events/free-text.js';
export * from './events/touchpoint.js';
export * from './fields.js';
export * from './identity/index.js';
export * from './journey/index.js';
export * from './lead/index.js';
export * from './lifecycle/index.js';
export * from './model-fit/index.js';
export * from './routing/index.js';
export * from './scoring/index.js';
export * from './workbench/index.js';
