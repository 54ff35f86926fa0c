/**
 * The drizzle schema: every table, split by group. `server/db/` is the only place that imports
 * drizzle (STYLE.md "Routes → services → adapters").
 */

export * from './analytics.js';
export * from './campaigns.js';
export * from './channels.js';
export * from './content.js';
export * from './identity.js';
export * from './leads.js';
export * from './messaging.js';
export * from './org.js';
export * from './routing.js';
export * from './scoring.js';
export * from './staff.js';
export * from './touchpoints.js';
export * from './trials.js';
