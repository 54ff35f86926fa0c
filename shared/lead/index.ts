/** One lead's domain state and how a batch of signals moves it (SPEC §2). */
export * from './advance-lead.js';
export * from './lead-state.js';
export * from './referral.js';
export * from './staff-signal.js';
