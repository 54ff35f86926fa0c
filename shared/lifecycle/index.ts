/** The lead lifecycle stage machine (SPEC §2.2). */
export * from './machine';
export * from './stages';
export * from './transitions';
