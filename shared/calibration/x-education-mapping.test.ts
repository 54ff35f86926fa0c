import { describe, expect, it } from 'vitest';
import { DEFAULT_SCORING_MODEL } from '../scoring/default-model.js';
import { engagementRuleSchema } from '../scoring/scoring-model.js';
import { scoringSignalSchema } from '../scoring/scoring-signal.js';
import { listMappingProblems, mapHistoricalRow } from './historical-lead.js';
import { extractRuleFeatures } from './rule-features.js';
import { X_EDUCATION_MAPPING as MAPPING } from './x-education-mapping.js';

const AS_OF = new Date(MAPPING.defaultAsOf);
const ROW = {
  'Prospect ID': '7927b2df-8bba-4d29-b9a2-b6e0beafe620',
  'Lead Origin': 'Landing Page Submission',
  'Lead Source': 'Google',
  'Do Not Email': 'Yes',
  'Do Not Call': 'No',
  Converted: '1',
  TotalVisits: '3',
  'Total Time Spent on Website': '600',
  'Page Views Per Visit': '2',
  'Last Activity': 'Had a Phone Conversation',
  'Last Notable Activity': 'SMS Sent',
  'What is your current occupation': 'Working Professional',
  'What matters most to you in choosing a course': 'Better Career Prospects',
  City: 'Mumbai',
  Specialization: 'Select',
  'A free copy of Mastering The Interview': 'Yes',
  Tags: 'Closed by Horizzon',
  'Lead Quality': 'High in Relevance',
};

describe('X Education mapping (SPEC §2.3)', () => {
  it('maps a row to a profile and valid touchpoints', () => {
    const lead = mapHistoricalRow(MAPPING, ROW, AS_OF);
    expect(lead.isConverted).toBe(true);
    expect(lead.profile).toMatchObject({ gradeBand: 'working_adult', campusReach: 'local', need: 'clear' });
    expect(lead.profile.courseInterest).toBeUndefined();
    for (const signal of lead.signals) expect(scoringSignalSchema.safeParse(signal).success).toBe(true);
    const types = lead.signals.map((s) => s.type);
    expect(types.filter((t) => t === 'page_view')).toHaveLength(6);
    expect(types).toEqual(
      expect.arrayContaining(['registration', 'content_download', 'unsubscribe', 'advisor_call', 'message_sent']),
    );
    expect(new Set(lead.signals.map((s) => s.id)).size).toBe(lead.signals.length);
    expect(lead.signals.every((s) => Date.parse(s.occurredAt) < AS_OF.getTime())).toBe(true);
  });

  it('never lets Tags, Lead Quality or the vendor fields reach the mapping', () => {
    const { Tags: _t, 'Lead Quality': _q, ...withoutLeaks } = ROW;
    const leaky = { ...ROW, Tags: 'Lost to EINS', 'Lead Quality': 'Worst', 'Lead Profile': 'Potential Lead' };
    expect(mapHistoricalRow(MAPPING, leaky, AS_OF)).toEqual(mapHistoricalRow(MAPPING, withoutLeaks, AS_OF));
    for (const column of MAPPING.forbiddenColumns) expect(MAPPING.columns).not.toContain(column);
    const cheating = { ...MAPPING, columns: [...MAPPING.columns, 'Tags'] };
    expect(listMappingProblems(cheating, Object.keys(ROW))).toContain('mapping reads forbidden column "Tags"');
  });

  it('reports missing columns and a bad outcome', () => {
    expect(listMappingProblems(MAPPING, ['Prospect ID', 'Converted'])).toContain('missing column "Lead Origin"');
    expect(() => mapHistoricalRow(MAPPING, { ...ROW, Converted: 'yes' }, AS_OF)).toThrow(/Converted must be 0 or 1/);
  });

  it('offers reading-time thresholds a lead passes by its total time on the site', () => {
    const rules = MAPPING.calibrationRules.engagement.filter((r) => r.threshold);
    for (const rule of rules) expect(engagementRuleSchema.parse(rule)).toEqual(rule);
    expect(rules.map((r) => r.label)).toContain('累计阅读满 5 分钟');
    expect(rules.map((r) => r.threshold?.atLeast)).toEqual([1, 2, 3, 5, 8, 10, 12, 15, 20, 30].map((m) => m * 60_000));
    // 600 seconds over 3 visits of 2 pages: ten minutes, every threshold up to 10 passed.
    const template = {
      ...DEFAULT_SCORING_MODEL,
      engagement: { rules: [...DEFAULT_SCORING_MODEL.engagement.rules, ...rules] },
    };
    const { features, rows } = extractRuleFeatures([mapHistoricalRow(MAPPING, ROW, AS_OF)], template, AS_OF);
    const passed = features.filter((f, j) => f.ruleId.startsWith('x-reading-') && (rows[0]?.[j] ?? 0) > 0);
    expect(passed.map((f) => f.ruleId)).toEqual(['1', '2', '3', '5', '8', '10'].map((m) => `x-reading-${m}min`));
  });
});
