/**
 * `POST /api/staff/imports` (manager, issue 9 §5): an offline list (展会/讲座名单) as CSV, in UTF-8
 * or GBK (as Excel in China saves it), base64-encoded so the bytes arrive as they were written.
 * A column mapping names which header holds which field; without one, the usual Chinese headers
 * are recognised. A dry run previews every row's errors and writes nothing. Rows are deduplicated
 * by phone against the database and within the file, so importing the same file again creates
 * nothing. Imported leads start at `awareness` / `unaware` with source `import`, in the pool.
 * Large files: `npm run leads:import -- FILE` (the same service, in batches).
 */
import { z } from 'zod';
import { entityIdSchema, eventIdSchema, shortTextSchema } from '../fields.js';

/** Fields a list can fill. `phone` is required; the rest are optional. */
export const IMPORT_FIELDS = ['name', 'phone', 'role', 'grade', 'city', 'course', 'campus'] as const;
export type ImportField = (typeof IMPORT_FIELDS)[number];

export const IMPORT_FIELD_LABELS: Record<ImportField, string> = {
  name: '姓名',
  phone: '手机号',
  role: '身份（家长/学生）',
  grade: '年级',
  city: '城市',
  course: '意向课程',
  campus: '校区',
};

/** Headers recognised without a mapping, per field (first match wins). */
export const DEFAULT_IMPORT_HEADERS: Record<ImportField, readonly string[]> = {
  name: ['姓名', '名字', '学员姓名', '家长姓名', 'name'],
  phone: ['手机号', '手机', '电话', '手机号码', '联系电话', 'phone', 'mobile'],
  role: ['身份', '角色', 'role'],
  grade: ['年级', '学段', 'grade'],
  city: ['城市', '所在城市', 'city'],
  course: ['意向课程', '课程', 'course'],
  campus: ['校区', 'campus'],
};

export const IMPORT_ENCODINGS = ['auto', 'utf-8', 'gbk'] as const;
export type ImportEncoding = (typeof IMPORT_ENCODINGS)[number];

/** About 190 KB of CSV (a few thousand rows) fits the API's 256 KB body limit; more: the CLI. */
export const MAX_IMPORT_BASE64_CHARS = 250_000;

export const importMappingSchema = z.partialRecord(z.enum(IMPORT_FIELDS), z.string().trim().min(1).max(64)).default({});
export type ImportMapping = z.infer<typeof importMappingSchema>;

export const importLeadsRequestSchema = z.strictObject({
  requestId: eventIdSchema,
  /** The file's bytes, base64. */
  fileBase64: z
    .string()
    .min(1, { error: '请选择文件' })
    .max(MAX_IMPORT_BASE64_CHARS, { error: '文件过大，请使用命令行导入' })
    .regex(/^[A-Za-z0-9+/]*={0,2}$/, { error: '文件内容无效' }),
  /** `auto`: UTF-8 when the bytes are valid UTF-8, else GBK. */
  encoding: z.enum(IMPORT_ENCODINGS).default('auto'),
  mapping: importMappingSchema,
  /** The list's name (e.g. 2026 春季教育展), kept as the leads' campaign. */
  listName: shortTextSchema(60),
  /** The campus for rows without one. */
  campusId: entityIdSchema.optional(),
  /** Preview only: per-row errors, nothing written. */
  dryRun: z.boolean().default(true),
  /** The manager confirms the people on the list agreed to be contacted (SPEC §4 consent). */
  consentConfirmed: z.literal(true, { error: '请确认名单已获得本人同意' }),
});
export type ImportLeadsRequest = z.infer<typeof importLeadsRequestSchema>;
export type ImportLeadsRequestInput = z.input<typeof importLeadsRequestSchema>;

export const IMPORT_ROW_STATUSES = ['new', 'duplicate', 'error'] as const;

export const importRowResultSchema = z.object({
  /** The line in the file (the header is line 1). */
  line: z.number().int(),
  status: z.enum(IMPORT_ROW_STATUSES),
  name: z.string().nullable(),
  phoneMasked: z.string().nullable(),
  /** Chinese, for `error` and `duplicate` rows. */
  message: z.string().nullable(),
});
export type ImportRowResult = z.infer<typeof importRowResultSchema>;

export const importLeadsResponseSchema = z.object({
  dryRun: z.boolean(),
  isReplay: z.boolean(),
  encoding: z.enum(['utf-8', 'gbk']),
  /** Which header each field was read from. */
  mapping: z.partialRecord(z.enum(IMPORT_FIELDS), z.string()),
  rows: z.number().int(),
  /** Leads created; in a dry run, leads that would be. */
  created: z.number().int(),
  duplicates: z.number().int(),
  errors: z.number().int(),
  /** Every error row, then the first rows of the rest (at most 200 in all). */
  results: z.array(importRowResultSchema),
});
export type ImportLeadsResponse = z.infer<typeof importLeadsResponseSchema>;
