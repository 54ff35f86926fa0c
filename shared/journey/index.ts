/** Buying-journey stage inference (SPEC §2.2). */
export * from './evidence.js';
export * from './journey-state.js';
export * from './stages.js';
