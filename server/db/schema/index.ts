/**
 * The drizzle schema: every table, split by group. `server/db/` is the only place that imports
 * drizzle (STYLE.md "Routes → services → adapters").
 */
export * from './content';
export * from './leads';
export * from './messaging';
export * from './org';
export * from './routing';
export * from './scoring';
export * from './touchpoints';
export * from './trials';
