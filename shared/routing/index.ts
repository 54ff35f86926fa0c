/** Lead-to-advisor routing (SPEC §2.4). */
export * from './choose-advisor';
export * from './lead-intent';
export * from './reasons';
export * from './reassign-leads';
export * from './return-lead';
export * from './route-lead';
