/**
 * Column mapping of the public X Education lead data set (../shared/data/x-education-leads.csv,
 * SPEC §2.3) to lead profiles and synthetic touchpoints.
 *
 * The CSV has no dates, so touchpoints are placed before `asOf`: one visit per day going back
 * (most recent first), lead creation before the first visit, the last (notable) activity just
 * before `asOf`. `Tags`, `Lead Quality` and the vendor fields (`Lead Profile`, Asymmetrique) are
 * written after contact and leak the outcome: they are forbidden and never reach `mapRow`.
 */
import { type LeadProfile, leadProfileSchema } from '../scoring/lead-profile.js';
import type { EngagementRule } from '../scoring/scoring-model.js';
import type { ScoringSignal } from '../scoring/scoring-signal.js';
import type { CsvRow, HistoricalLeadMapping } from './historical-lead.js';
import { type Draft, mapActivity, SYNTHETIC_ADVISOR, SYNTHETIC_CONTENT } from './x-education-activity.js';

const HOUR_MS = 3_600_000;
const DAY_MS = 24 * HOUR_MS;
/** Visits beyond 30 add nothing a daily cap would not cut anyway; bounds the synthetic events. */
const MAX_VISITS = 30;
const MAX_PAGES_PER_VISIT = 10;
/**
 * Total reading minutes a threshold rule is offered at. Conversion is flat up to 8 minutes on the
 * site, jumps by 10 (28% → 61%) and is flat again; steps let the fit draw that curve, which a
 * per-minute weight (a straight line) cannot.
 */
const READING_THRESHOLD_MINUTES = [1, 2, 3, 5, 8, 10, 12, 15, 20, 30];

/** "累计阅读满 5 分钟": points once the lead's page reading over the window reaches the minutes. */
function readingThresholdRule(minutes: number): EngagementRule {
  return {
    id: `x-reading-${minutes}min`,
    label: `累计阅读满 ${minutes} 分钟`,
    signal: 'page_view',
    points: 0,
    threshold: { prop: 'durationMs', atLeast: minutes * 60_000 },
    // A synthetic visit has at most MAX_PAGES_PER_VISIT page views: all of them count.
    dailyCap: MAX_PAGES_PER_VISIT,
  };
}

const COLUMNS = [
  'Lead Origin',
  'Lead Source',
  'Do Not Email',
  'Do Not Call',
  'TotalVisits',
  'Total Time Spent on Website',
  'Page Views Per Visit',
  'Last Activity',
  'Last Notable Activity',
  'What is your current occupation',
  'What matters most to you in choosing a course',
  'City',
  'Specialization',
  'A free copy of Mastering The Interview',
] as const;

/** Lead Source → attribution channel. */
function toChannel(source: string): string | undefined {
  const known: Record<string, string> = {
    google: 'google',
    bing: 'bing',
    'organic search': 'organic',
    'direct traffic': 'direct',
    'olark chat': 'olark_chat',
    'live chat': 'olark_chat',
    reference: 'reference',
    'welingak website': 'welingak',
    'referral sites': 'referral_site',
    facebook: 'social',
    'social media': 'social',
  };
  const key = source.trim().toLowerCase();
  if (key === '') return undefined;
  return known[key] ?? key.replace(/[^a-z0-9]+/g, '_').slice(0, 64);
}

/** "Select" is the form's untouched default: unknown, like an empty cell (data README). */
function read(row: CsvRow, column: (typeof COLUMNS)[number]): string {
  const value = (row[column] ?? '').trim();
  return value === 'Select' ? '' : value;
}

function readNumber(row: CsvRow, column: (typeof COLUMNS)[number]): number {
  const value = Number.parseFloat(read(row, column));
  return Number.isFinite(value) && value > 0 ? value : 0;
}

function mapProfile(row: CsvRow): LeadProfile {
  const occupation = read(row, 'What is your current occupation');
  const gradeBands: Record<string, LeadProfile['gradeBand']> = {
    'Working Professional': 'working_adult',
    Businessman: 'working_adult',
    Student: 'university',
    Unemployed: 'adult',
    Housewife: 'adult',
    Other: 'adult',
  };
  const city = read(row, 'City');
  const reaches: Record<string, LeadProfile['campusReach']> = {
    Mumbai: 'local',
    'Thane & Outskirts': 'local',
    'Other Cities of Maharashtra': 'regional',
    'Other Metro Cities': 'remote',
    'Tier II Cities': 'remote',
    'Other Cities': 'remote',
  };
  const motive = read(row, 'What matters most to you in choosing a course');
  const course = read(row, 'Specialization');
  return leadProfileSchema.parse({
    // X Education sells to adult learners who decide for themselves.
    role: 'student',
    gradeBand: gradeBands[occupation] ?? 'unknown',
    city: city === '' ? undefined : city.slice(0, 64),
    campusReach: reaches[city] ?? 'unknown',
    courseInterest: course === '' ? undefined : course.slice(0, 64),
    // A stated motive ("Better Career Prospects") is a stated need (BANT need).
    need: motive === '' ? 'unknown' : motive === 'Other' ? 'vague' : 'clear',
  });
}

function mapSignals(row: CsvRow, asOf: Date): ScoringSignal[] {
  const signals: ScoringSignal[] = [];
  const at = (ms: number): Draft => ({
    id: `00000000-0000-4000-8000-${signals.length.toString(16).padStart(12, '0')}`,
    occurredAt: new Date(ms).toISOString(),
  });
  const end = asOf.getTime();
  const visits = Math.min(Math.round(readNumber(row, 'TotalVisits')), MAX_VISITS);
  const seconds = readNumber(row, 'Total Time Spent on Website');
  const pages = Math.min(Math.max(Math.round(readNumber(row, 'Page Views Per Visit')), 1), MAX_PAGES_PER_VISIT);
  const visitCount = visits === 0 && seconds > 0 ? 1 : visits;
  const durationMs = visitCount === 0 ? 0 : Math.round((seconds * 1000) / (visitCount * pages));
  for (let v = 1; v <= visitCount; v += 1) {
    for (let p = 0; p < pages; p += 1) {
      signals.push({ ...at(end - v * DAY_MS + p * 60_000), type: 'page_view', props: { page: '/', durationMs } });
    }
  }
  const createdMs = end - (visitCount + 1) * DAY_MS;
  const channel = toChannel(read(row, 'Lead Source'));
  const origin = read(row, 'Lead Origin');
  const created = { ...at(createdMs), ...(channel ? { channel } : {}) };
  if (origin === 'Lead Add Form' || origin === 'Quick Add Form') {
    signals.push({ ...created, type: 'consultation_request', props: {} });
  } else if (origin === 'Landing Page Submission' || origin === 'API') {
    signals.push({ ...created, type: 'registration', props: {} });
  }
  if (channel === 'reference') {
    signals.push({ ...at(createdMs), type: 'referral_signup', props: { referrerLeadId: SYNTHETIC_ADVISOR } });
  }
  if (read(row, 'A free copy of Mastering The Interview') === 'Yes') {
    signals.push({ ...at(createdMs + 60_000), type: 'content_download', contentId: SYNTHETIC_CONTENT, props: {} });
  }
  if (read(row, 'Do Not Email') === 'Yes' || read(row, 'Do Not Call') === 'Yes') {
    signals.push({ ...at(createdMs + 120_000), type: 'unsubscribe', props: {} });
  }
  const last = read(row, 'Last Activity');
  const lastSignal = mapActivity(last, at(end - HOUR_MS));
  if (lastSignal) signals.push(lastSignal);
  const notable = read(row, 'Last Notable Activity');
  if (notable !== last && notable !== 'Modified') {
    const notableSignal = mapActivity(notable, at(end - 2 * HOUR_MS));
    if (notableSignal) signals.push(notableSignal);
  }
  return signals;
}

/** The X Education mapping (SPEC §2.3; columns in ../shared/data/README.md). */
export const X_EDUCATION_MAPPING: HistoricalLeadMapping = {
  id: 'x-education',
  label: 'X Education leads (public data set)',
  idColumn: 'Prospect ID',
  outcomeColumn: 'Converted',
  columns: COLUMNS,
  forbiddenColumns: [
    'Tags',
    'Lead Quality',
    'Lead Profile',
    'Asymmetrique Activity Index',
    'Asymmetrique Profile Index',
    'Asymmetrique Activity Score',
    'Asymmetrique Profile Score',
  ],
  calibrationRules: {
    fit: [
      { id: 'x-grade-adult', label: '成人（未在职）', field: 'gradeBand', anyOf: ['adult'], points: 0 },
      { id: 'x-campus-remote', label: '外地城市', field: 'campusReach', anyOf: ['remote'], points: 0 },
    ],
    engagement: [
      {
        // Reading time capped at one minute per page: counts pages actually read, so the fit can
        // bend the time effect (the first minutes say more than the thirtieth).
        id: 'x-page-read',
        label: '有效阅读页面',
        signal: 'page_view',
        points: 0,
        perUnit: { prop: 'durationMs', unit: 60_000, points: 0, maxUnits: 1 },
        dailyCap: 10,
      },
      {
        id: 'x-registration-direct',
        label: '直接访问留资',
        signal: 'registration',
        when: { channels: ['direct'] },
        points: 0,
        dailyCap: 1,
      },
      {
        id: 'x-registration-chat',
        label: '网页聊天留资',
        signal: 'registration',
        when: { channels: ['olark_chat'] },
        points: 0,
        dailyCap: 1,
      },
      {
        id: 'x-registration-search',
        label: '搜索引擎留资',
        signal: 'registration',
        when: { channels: ['google', 'bing', 'organic'] },
        points: 0,
        dailyCap: 1,
      },
      {
        id: 'x-consultation-partner',
        label: '合作网站咨询',
        signal: 'consultation_request',
        when: { channels: ['welingak'] },
        points: 0,
        dailyCap: 1,
      },
      {
        id: 'x-chat-note',
        label: '在线聊天记录',
        signal: 'advisor_note',
        when: { channels: ['olark_chat'] },
        points: 0,
        dailyCap: 1,
      },
      ...READING_THRESHOLD_MINUTES.map(readingThresholdRule),
    ],
  },
  defaultAsOf: '2020-01-01T00:00:00.000Z',
  mapRow: (row, asOf) => ({ profile: mapProfile(row), signals: mapSignals(row, asOf) }),
};
