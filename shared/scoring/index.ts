/** Lead scoring (SPEC §2.3): the model as data, the profile, signals, incremental state, the score. */
export * from './default-model.js';
export * from './engagement-rule.js';
export * from './lead-profile.js';
export * from './score-lead.js';
export * from './score-state.js';
export * from './scoring-model.js';
export * from './scoring-signal.js';
