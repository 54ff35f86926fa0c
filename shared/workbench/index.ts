/** The advisor workbench's pure rules (issue 9): working hours, the accept SLA clock, settings. */
export * from './settings.js';
export * from './working-hours.js';
