/** The lead lifecycle stage machine (SPEC §2.2). */
export * from './machine.js';
export * from './stages.js';
export * from './transitions.js';
