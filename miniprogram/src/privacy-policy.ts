/**
 * The privacy policy's version. Registration sends it with the time of consent (SPEC §4); a new
 * text needs a new version, so that consent to the old one can be told apart.
 */
export const PRIVACY_POLICY_VERSION = '2026-11';
