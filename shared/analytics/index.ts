/**
 * Funnel analytics (SPEC §2.6, issue 15): the five measures — volume, velocity, value,
 * effectiveness, efficiency — and multi-touch attribution, each as a direct computation (the
 * full-scan reference) and as rollup rows with a shared merge and a finalise step (ADR 016); and
 * CSV for every table.
 */
export * from './apportion.js';
export * from './attribution.js';
export * from './calendar.js';
export * from './csv.js';
export * from './day-counts.js';
export * from './effectiveness.js';
export * from './efficiency.js';
export * from './inputs.js';
export * from './ratio.js';
export * from './rollup-table.js';
export * from './segment.js';
export * from './value.js';
export * from './velocity.js';
export * from './volume.js';
