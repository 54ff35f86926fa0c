/** Lead scoring (SPEC §2.3): the model as data, the profile, signals, incremental state, the score. */
export * from './default-model';
export * from './engagement-rule';
export * from './lead-profile';
export * from './score-lead';
export * from './score-state';
export * from './scoring-model';
export * from './scoring-signal';
