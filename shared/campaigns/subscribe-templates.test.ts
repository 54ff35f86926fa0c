import { describe, expect, it } from 'vitest';
import {
  getTemplateFieldKinds,
  isSubscribeTemplateKey,
  SUBSCRIBE_TEMPLATE_KEYS,
  SUBSCRIBE_TEMPLATES,
} from './subscribe-templates.js';

describe('the subscribe-template catalogue', () => {
  it('has one template per key, each field a WeChat kind, numbered once', () => {
    for (const key of SUBSCRIBE_TEMPLATE_KEYS) {
      const template = SUBSCRIBE_TEMPLATES[key];
      expect(template.key).toBe(key);
      expect(Object.keys(getTemplateFieldKinds(template))).toEqual(template.fields.map((f) => f.key));
      const numbers = template.fields.map((f) => f.key.replace(/^\D+/, ''));
      expect(new Set(numbers).size).toBe(numbers.length);
    }
  });

  it('tells keys from other strings', () => {
    expect(isSubscribeTemplateKey('trial_reminder')).toBe(true);
    expect(isSubscribeTemplateKey('tpl-trial-reminder')).toBe(false);
  });
});
