/** Lead-to-advisor routing (SPEC §2.4). */
export * from './choose-advisor.js';
export * from './lead-intent.js';
export * from './reasons.js';
export * from './reassign-leads.js';
export * from './return-lead.js';
export * from './route-lead.js';
