/** API contracts (STYLE.md "Contracts live in shared/"): request and response schemas per resource. */
export * from './auth';
export * from './catalog';
export * from './contents';
export * from './leads';
export * from './registrations';
export * from './subscriptions';
export * from './touchpoints';
export * from './trial-sessions';
