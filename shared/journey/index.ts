/** Buying-journey stage inference (SPEC §2.2). */
export * from './evidence';
export * from './journey-state';
export * from './stages';
