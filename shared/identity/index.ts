/** Identity resolution: one person, one lead (SPEC §4). */
export * from './resolve-identity.js';
