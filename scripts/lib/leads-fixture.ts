/**
 * A small synthetic leads CSV with the X Education data set's columns (issue 8 item 12), so that
 * the scoring CLIs' behaviour tests run on a fresh clone without the data set beside the
 * repository. Generated from a seed (`npx tsx scripts/make-leads-fixture.ts`); the committed
 * output is compared with a fresh generation by `scripts/score-cli.test.ts`.
 *
 * Values are drawn from the data set's own categories; `Converted` follows a logistic function
 * of the behaviour the default model rewards (visits, reading time, a form, a chat), so that a
 * model calibrated on part of the file ranks the rest better than chance, as on the real data.
 */
import { createSeededRandom } from '@scrm/shared';

/** The header of ../shared/data/x-education-leads.csv, in its order (its lines end with a comma). */
export const X_EDUCATION_COLUMNS = [
  'Prospect ID',
  'Lead Number',
  'Lead Origin',
  'Lead Source',
  'Do Not Email',
  'Do Not Call',
  'Converted',
  'TotalVisits',
  'Total Time Spent on Website',
  'Page Views Per Visit',
  'Last Activity',
  'Country',
  'Specialization',
  'How did you hear about X Education',
  'What is your current occupation',
  'What matters most to you in choosing a course',
  'Search',
  'Magazine',
  'Newspaper Article',
  'X Education Forums',
  'Newspaper',
  'Digital Advertisement',
  'Through Recommendations',
  'Receive More Updates About Our Courses',
  'Tags',
  'Lead Quality',
  'Update me on Supply Chain Content',
  'Get updates on DM Content',
  'Lead Profile',
  'City',
  'Asymmetrique Activity Index',
  'Asymmetrique Profile Index',
  'Asymmetrique Activity Score',
  'Asymmetrique Profile Score',
  'I agree to pay the amount through cheque',
  'A free copy of Mastering The Interview',
  'Last Notable Activity',
  '',
] as const;

/** The committed fixture's parameters (path relative to the repository root); the test regenerates it with these. */
export const FIXTURE = { seed: 2026, rows: 400, path: 'scripts/fixtures/x-education-sample.csv' } as const;

type Column = (typeof X_EDUCATION_COLUMNS)[number];

/** Opt-ins and "saw an ad there" columns: the data set says `No` for nearly every lead. */
const YES_NO_COLUMNS = new Set<Column>([
  'Search',
  'Magazine',
  'Newspaper Article',
  'X Education Forums',
  'Newspaper',
  'Digital Advertisement',
  'Through Recommendations',
  'Receive More Updates About Our Courses',
  'Update me on Supply Chain Content',
  'Get updates on DM Content',
  'I agree to pay the amount through cheque',
]);

const ORIGINS = ['Landing Page Submission', 'API', 'Lead Add Form', 'Lead Import'] as const;
const SOURCES = ['Google', 'Direct Traffic', 'Olark Chat', 'Organic Search', 'Reference', 'Welingak Website'] as const;
const ACTIVITIES = [
  'Email Opened',
  'SMS Sent',
  'Olark Chat Conversation',
  'Page Visited on Website',
  'Converted to Lead',
  'Email Bounced',
  'Email Link Clicked',
  'Unsubscribed',
  'Had a Phone Conversation',
] as const;
const OCCUPATIONS = ['Unemployed', '', 'Working Professional', 'Student'] as const;
const CITIES = ['Mumbai', 'Select', '', 'Thane & Outskirts', 'Other Cities', 'Other Metro Cities'] as const;
const SPECIALIZATIONS = [
  'Select',
  '',
  'Finance Management',
  'Marketing Management',
  'Business Administration',
] as const;

export function createLeadsFixtureCsv(options: { seed: number; rows: number }): string {
  const random = createSeededRandom(options.seed);
  const pick = <T>(items: readonly T[]): T => items[Math.floor(random() * items.length)] as T;
  const hex = (length: number) => Array.from({ length }, () => Math.floor(random() * 16).toString(16)).join('');
  const lines = [X_EDUCATION_COLUMNS.join(',')];
  for (let n = 0; n < options.rows; n += 1) {
    const origin = pick(ORIGINS);
    const source = pick(SOURCES);
    const visits = Math.floor(random() * 12);
    const seconds = visits === 0 ? 0 : Math.floor(random() * 2000);
    const pages = visits === 0 ? 0 : 1 + Math.floor(random() * 5);
    const activity = pick(ACTIVITIES);
    const occupation = pick(OCCUPATIONS);
    const logit =
      -2.2 +
      0.9 * (seconds / 600) +
      (origin === 'Lead Add Form' ? 2 : 0) +
      (source === 'Reference' || source === 'Welingak Website' ? 1.5 : 0) +
      (activity === 'Had a Phone Conversation' || activity === 'SMS Sent' ? 1.2 : 0) +
      (activity === 'Email Bounced' || activity === 'Unsubscribed' ? -1.5 : 0) +
      (occupation === 'Working Professional' ? 1.5 : 0);
    const isConverted = random() < 1 / (1 + Math.exp(-logit));
    const row: Partial<Record<Column, string>> = {
      'Prospect ID': `${hex(8)}-${hex(4)}-4${hex(3)}-8${hex(3)}-${hex(12)}`,
      'Lead Number': String(600_000 + n),
      'Lead Origin': origin,
      'Lead Source': source,
      'Do Not Email': random() < 0.08 ? 'Yes' : 'No',
      'Do Not Call': 'No',
      Converted: isConverted ? '1' : '0',
      TotalVisits: String(visits),
      'Total Time Spent on Website': String(seconds),
      'Page Views Per Visit': String(pages),
      'Last Activity': activity,
      Country: 'India',
      Specialization: pick(SPECIALIZATIONS),
      'What is your current occupation': occupation,
      'What matters most to you in choosing a course': occupation === '' ? '' : 'Better Career Prospects',
      City: pick(CITIES),
      'A free copy of Mastering The Interview': random() < 0.3 ? 'Yes' : 'No',
      'Last Notable Activity': random() < 0.4 ? 'Modified' : activity,
    };
    lines.push(X_EDUCATION_COLUMNS.map((column) => row[column] ?? (YES_NO_COLUMNS.has(column) ? 'No' : '')).join(','));
  }
  return `${lines.join('\n')}\n`;
}
