/** Fitting a scoring model from the institution's own outcomes (issue 15 §4). */
export * from './fit-candidate.js';
export * from './lead-outcome.js';
export * from './stratified-split.js';
export * from './weight-changes.js';
