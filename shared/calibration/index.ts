/** Predictive calibration (SPEC §2.3): historical leads, the logistic fit, metrics, evaluation. */
export * from './calibrate-model.js';
export * from './evaluate-model.js';
export * from './historical-lead.js';
export * from './logistic-regression.js';
export * from './metrics.js';
export * from './rule-features.js';
export * from './seeded-random.js';
export * from './x-education-mapping.js';
