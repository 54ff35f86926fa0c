/**
 * The one entry point of the domain package (`@scrm/shared`). Pure TypeScript: no I/O, no clock
 * reads, no framework. Both the API and the mini-program import from here and nowhere deeper.
 */

export * from './calibration';
export * from './contracts';
export * from './errors';
export * from './events/touchpoint';
export * from './fields';
export * from './journey';
export * from './lead';
export * from './lifecycle';
export * from './routing';
export * from './scoring';
