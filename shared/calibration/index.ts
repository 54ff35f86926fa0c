/** Predictive calibration (SPEC §2.3): historical leads, the logistic fit, metrics, evaluation. */
export * from './calibrate-model';
export * from './evaluate-model';
export * from './historical-lead';
export * from './logistic-regression';
export * from './metrics';
export * from './rule-features';
export * from './seeded-random';
export * from './x-education-mapping';
