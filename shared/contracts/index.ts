/** API contracts (STYLE.md "Contracts live in shared/"): request and response schemas per resource. */
export * from './auth.js';
export * from './campaign-runner.js';
export * from './campaigns.js';
export * from './catalog.js';
export * from './contents.js';
export * from './leads.js';
export * from './registrations.js';
export * from './scoring-models.js';
export * from './staff.js';
export * from './staff-actions.js';
export * from './staff-imports.js';
export * from './staff-leads.js';
export * from './staff-messages.js';
export * from './subscriptions.js';
export * from './touchpoints.js';
export * from './trial-sessions.js';
