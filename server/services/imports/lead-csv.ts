/**
 * Reading an offline lead list (issue 9 §5): bytes in UTF-8 or GBK (Excel in China saves CSV in
 * GBK), decoded with the platform's `TextDecoder` (Node's full ICU knows GBK, so no dependency),
 * parsed with csv-parse, the columns found by the mapping or by the usual Chinese headers, and
 * each row turned into a lead to create or a Chinese error for the dry run to show.
 */
import {
  DEFAULT_IMPORT_HEADERS,
  GRADE_BANDS,
  IMPORT_FIELDS,
  type ImportEncoding,
  type ImportField,
  type ImportMapping,
  type LeadProfile,
  phoneSchema,
  STAFF_MESSAGES,
} from '@scrm/shared';
import { parse } from 'csv-parse/sync';
import { AppError } from '../../http/app-error.js';

export interface ParsedCsv {
  encoding: 'utf-8' | 'gbk';
  /** Which header each field is read from. */
  mapping: Partial<Record<ImportField, string>>;
  /** Data rows with their line in the file (the header is line 1). */
  records: { line: number; values: Record<string, string> }[];
}

const unreadable = (detail: string) =>
  new AppError('validation_failed', `file: ${detail}`, { userMessage: STAFF_MESSAGES.csvUnreadable });

/** `auto`: UTF-8 when the bytes are valid UTF-8 (a GBK file almost never is), else GBK. */
export function decodeCsvBytes(
  bytes: Uint8Array,
  encoding: ImportEncoding,
): { text: string; encoding: 'utf-8' | 'gbk' } {
  const order: ('utf-8' | 'gbk')[] = encoding === 'auto' ? ['utf-8', 'gbk'] : [encoding];
  for (const candidate of order) {
    try {
      return { text: new TextDecoder(candidate, { fatal: true }).decode(bytes), encoding: candidate };
    } catch {
      // Not this encoding; try the next.
    }
  }
  throw unreadable(`not valid ${order.join(' or ')}`);
}

function resolveMapping(header: readonly string[], mapping: ImportMapping): ParsedCsv['mapping'] {
  const byName = new Map(header.map((h) => [h.trim().toLowerCase(), h]));
  const resolved: ParsedCsv['mapping'] = {};
  for (const field of IMPORT_FIELDS) {
    const wanted = mapping[field];
    if (wanted !== undefined) {
      const found = byName.get(wanted.trim().toLowerCase());
      if (!found) {
        throw new AppError('validation_failed', `mapping.${field}: no column ${wanted}`, {
          userMessage: `未找到列“${wanted}”，请检查映射`,
        });
      }
      resolved[field] = found;
      continue;
    }
    const guess = DEFAULT_IMPORT_HEADERS[field].map((h) => byName.get(h.toLowerCase())).find((h) => h !== undefined);
    if (guess) resolved[field] = guess;
  }
  if (!resolved.phone) {
    throw new AppError('validation_failed', 'mapping.phone: no phone column', {
      userMessage: STAFF_MESSAGES.csvNoPhoneColumn,
    });
  }
  return resolved;
}

export function parseLeadCsv(bytes: Uint8Array, encoding: ImportEncoding, mapping: ImportMapping): ParsedCsv {
  const decoded = decodeCsvBytes(bytes, encoding);
  let header: string[] = [];
  let rows: Record<string, string>[];
  try {
    rows = parse(decoded.text, {
      columns: (names: string[]) => {
        header = names.map((n) => n.trim());
        return header;
      },
      bom: true,
      skip_empty_lines: true,
      relax_column_count: true,
      trim: true,
      info: false,
    });
  } catch (error) {
    throw unreadable((error as Error).message);
  }
  if (rows.length === 0) {
    throw new AppError('validation_failed', 'file: no data rows', { userMessage: STAFF_MESSAGES.csvEmpty });
  }
  // csv-parse skips empty lines, so the line is counted from the rows it kept: exact for lists
  // without blank lines in between (what Excel writes).
  return {
    encoding: decoded.encoding,
    mapping: resolveMapping(header, mapping),
    records: rows.map((values, i) => ({ line: i + 2, values })),
  };
}

/** A row ready to become a lead. */
export interface ImportCandidate {
  line: number;
  name: string | null;
  phone: string;
  role: LeadProfile['role'];
  gradeBand: LeadProfile['gradeBand'];
  city: string | null;
  courseId: string | null;
  campusId: string | null;
}

export type PreparedRow =
  | { line: number; candidate: ImportCandidate }
  | { line: number; name: string | null; phone: string | null; error: string };

const ROLE_WORDS: Record<string, LeadProfile['role']> = {
  家长: 'parent',
  学生: 'student',
  学员: 'student',
  本人: 'student',
};

/** Grade words as fairs write them; anything else is `unknown` rather than an error. */
export function toGradeBand(text: string): LeadProfile['gradeBand'] {
  if ((GRADE_BANDS as readonly string[]).includes(text)) return text as LeadProfile['gradeBand'];
  if (/幼儿|学前|幼儿园/.test(text)) return 'preschool';
  if (/小学|[一二三四五六]年级/.test(text)) return 'primary';
  if (/初中|初[一二三]|[七八九]年级/.test(text)) return 'middle';
  if (/高中|高[一二三]/.test(text)) return 'high';
  if (/大学|大[一二三四]|本科|研究生/.test(text)) return 'university';
  if (/在职|工作/.test(text)) return 'working_adult';
  if (/成人/.test(text)) return 'adult';
  return 'unknown';
}

/**
 * One row as a lead or an error (issue 9 §5 "dry-run mode previewing per-row errors"): the phone
 * must be a mainland mobile number; a campus named in the row must exist; a course is matched by
 * code or name (an unknown one is left out, not an error: the advisor asks).
 */
export function prepareImportRow(
  record: ParsedCsv['records'][number],
  mapping: ParsedCsv['mapping'],
  catalog: {
    courses: readonly { id: string; code: string; name: string }[];
    campuses: readonly { id: string; name: string }[];
  },
  defaultCampusId: string | null,
): PreparedRow {
  const read = (field: ImportField) => {
    const header = mapping[field];
    const value = header ? record.values[header]?.trim() : undefined;
    return value ? value : null;
  };
  const name = read('name');
  const rawPhone = read('phone');
  const phone = phoneSchema.safeParse(rawPhone ?? '');
  const fail = (error: string): PreparedRow => ({
    line: record.line,
    name,
    phone: phone.success ? phone.data : rawPhone,
    error,
  });
  if (!rawPhone) return fail('缺少手机号');
  if (!phone.success) return fail('手机号格式不正确');
  if (name && name.length > 30) return fail('姓名不能超过 30 个字');
  const campusName = read('campus');
  const campus = campusName ? catalog.campuses.find((c) => c.name === campusName) : undefined;
  if (campusName && !campus) return fail(`校区“${campusName}”不存在`);
  const courseText = read('course');
  const course = courseText ? catalog.courses.find((c) => c.code === courseText || c.name === courseText) : undefined;
  const city = read('city');
  return {
    line: record.line,
    candidate: {
      line: record.line,
      name,
      phone: phone.data,
      role: ROLE_WORDS[read('role') ?? ''] ?? 'unknown',
      gradeBand: toGradeBand(read('grade') ?? ''),
      city: city ? city.slice(0, 32) : null,
      courseId: course?.id ?? null,
      campusId: campus?.id ?? defaultCampusId,
    },
  };
}
