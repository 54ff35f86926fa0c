/**
 * Nurture campaigns as data (SPEC §2.5, issue 13): the campaign document, audience predicates,
 * send window, frequency cap, A/B variants, WeChat field rules, rendering, scheduling, the
 * subscribe-template catalogue and the built-in tracks.
 */
export * from './audience.js';
export * from './built-in/index.js';
export * from './campaign-document.js';
export * from './campaign-issues.js';
export * from './campaign-step.js';
export * from './content-pick.js';
export * from './frequency-cap.js';
export * from './lead-facts.js';
export * from './page-link.js';
export * from './reasons.js';
export * from './render-message.js';
export * from './retry-policy.js';
export * from './schedule-step.js';
export * from './send-window.js';
export * from './shanghai-clock.js';
export * from './step-fields.js';
export * from './subscribe-templates.js';
export * from './variant.js';
export * from './wechat-fields.js';
