import { randomUUID } from 'node:crypto';
import type { ImportLeadsResponse } from '@scrm/shared';
import { eq } from 'drizzle-orm';
import iconv from 'iconv-lite';
import { describe, expect, it } from 'vitest';
import {
  createTestApp,
  createTestCampus,
  createTestStaff,
  createWorkbenchLead,
  expectError,
  type TestApp,
  type TestStaff,
} from '../../../tests/helpers/index.js';
import { leadImports, leads, staffAuditLog, stageTransitions } from '../../db/schema/index.js';

const FAIR = [
  '姓名,手机,年级,校区,备注',
  '张三,13800138000,初二,徐汇校区,想学雅思',
  '李四,138-0013-8001,高一,,',
  '王五,12345,小学,徐汇校区,',
  '赵六,13800138000,初三,徐汇校区,重复',
  '钱七,13800138002,大学,火星校区,',
].join('\r\n');

async function setup() {
  const t = await createTestApp();
  const campus = await createTestCampus(t, '徐汇校区');
  const manager = await createTestStaff(t, { role: 'manager', campusIds: [campus.id] });
  return { t, campus, manager };
}

function importCsv(t: TestApp, staff: TestStaff, bytes: Buffer, extra: Record<string, unknown> = {}) {
  return t.request<ImportLeadsResponse>('/api/staff/imports', {
    method: 'POST',
    token: staff.token,
    json: {
      requestId: randomUUID(),
      fileBase64: bytes.toString('base64'),
      listName: '2026 春季教育展',
      consentConfirmed: true,
      dryRun: false,
      ...extra,
    },
  });
}

describe('POST /api/staff/imports', () => {
  it('a dry run previews every row (errors first) and writes nothing', async () => {
    const { t, manager } = await setup();
    const res = await importCsv(t, manager, Buffer.from(FAIR), { dryRun: true });
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({ dryRun: true, encoding: 'utf-8', rows: 5, created: 2, duplicates: 1, errors: 2 });
    expect(res.body.mapping).toEqual({ name: '姓名', phone: '手机', grade: '年级', campus: '校区' });
    expect(res.body.results.map((r) => [r.line, r.status, r.message])).toEqual([
      [4, 'error', '手机号格式不正确'],
      [6, 'error', '校区“火星校区”不存在'],
      [2, 'new', null],
      [3, 'new', null],
      [5, 'duplicate', '文件中重复，已跳过'],
    ]);
    expect(await t.db.select().from(leads)).toEqual([]);
    expect(await t.db.select().from(leadImports)).toEqual([]);
  });

  it('imports a GBK file (as Excel saves it) into the pool at awareness; the same file again creates nothing', async () => {
    const { t, campus, manager } = await setup();
    const gbk = iconv.encode(FAIR, 'gbk');
    const first = await importCsv(t, manager, gbk);
    expect(first.body).toMatchObject({ encoding: 'gbk', created: 2, duplicates: 1, errors: 2, isReplay: false });
    const rows = await t.db.select().from(leads).orderBy(leads.phone);
    expect(rows).toMatchObject([
      {
        name: '张三',
        phone: '13800138000',
        gradeBand: 'middle',
        campusId: campus.id,
        source: 'import',
        sourceCampaignId: '2026 春季教育展',
        lifecycleStage: 'awareness',
        journeyStage: 'unaware',
        ownerAdvisorId: null,
      },
      { name: '李四', phone: '13800138001', gradeBand: 'high', campusId: null },
    ]);
    const moves = await t.db.select().from(stageTransitions);
    expect(moves.map((m) => m.toStage)).toEqual(['awareness', 'awareness']);
    const again = await importCsv(t, manager, gbk);
    expect(again.body).toMatchObject({ created: 0, duplicates: 3 });
    expect(await t.db.select().from(leads)).toHaveLength(2);
  });

  it('reads a mapping for unusual headers, defaults the campus, and answers a retry from its record', async () => {
    const { t, campus, manager } = await setup();
    const csv = Buffer.from('客户,联系方式\n周八,13900000001\n');
    const requestId = randomUUID();
    const body = { requestId, mapping: { name: '客户', phone: '联系方式' }, campusId: campus.id };
    const res = await importCsv(t, manager, csv, body);
    expect(res.body).toMatchObject({ created: 1, mapping: { name: '客户', phone: '联系方式' } });
    const [row] = await t.db.select().from(leads);
    expect(row).toMatchObject({ name: '周八', campusId: campus.id });
    const retry = await importCsv(t, manager, csv, body);
    expect(retry.body).toMatchObject({ isReplay: true, created: 1 });
    expect(await t.db.select().from(leads)).toHaveLength(1);
  });

  const bad: [string, Record<string, unknown>, number, string][] = [
    [
      'no phone column',
      { fileBase64: Buffer.from('姓名\n张三\n').toString('base64') },
      400,
      '未找到手机号列，请检查列名或映射',
    ],
    ['a mapping to a missing column', { mapping: { phone: '电话号码' } }, 400, '未找到列“电话号码”，请检查映射'],
    ['only a header', { fileBase64: Buffer.from('姓名,手机\n').toString('base64') }, 400, '文件中没有数据行'],
    [
      'bytes that are neither UTF-8 nor GBK',
      { fileBase64: Buffer.from([0x81, 0x20, 0x81, 0x20]).toString('base64') },
      400,
      '文件无法读取，请确认是 CSV 格式',
    ],
    [
      'GBK declared as UTF-8',
      { fileBase64: iconv.encode(FAIR, 'gbk').toString('base64'), encoding: 'utf-8' },
      400,
      '文件无法读取，请确认是 CSV 格式',
    ],
    ['no consent confirmation', { consentConfirmed: false }, 400, '请确认名单已获得本人同意'],
    ['no list name', { listName: '' }, 400, '不能为空'],
    ['not base64', { fileBase64: '%%%' }, 400, '文件内容无效'],
    ['a campus of someone else', { campusId: randomUUID() }, 403, '无权管理该校区'],
  ];
  it.each(bad)('%s → %i, nothing written', async (_label, override, status, userMessage) => {
    const { t, manager } = await setup();
    const res = await importCsv(t, manager, Buffer.from(FAIR), override);
    expect(expectError(res, status, status === 403 ? 'forbidden' : 'validation_failed').userMessage).toBe(userMessage);
    expect(await t.db.select().from(leads)).toEqual([]);
    expect(await t.db.select().from(leadImports)).toEqual([]);
  });
});

describe('GET /api/staff/leads/export.csv', () => {
  it('exports the filtered list with masked phones, or full ones on request; both are audit-logged', async () => {
    const { t, campus, manager } = await setup();
    await createWorkbenchLead(t, { campusId: campus.id, name: '张三', phone: '13800138000', score: 30 });
    await createWorkbenchLead(t, { campusId: campus.id, name: '李四', phone: '13800138001', score: 10 });
    const masked = await t.request('/api/staff/leads/export.csv?view=pool', { token: manager.token });
    expect(masked.status).toBe(200);
    expect(masked.headers.get('content-type')).toBe('text/csv; charset=utf-8');
    expect(masked.headers.get('content-disposition')).toContain('leads-2026-03-02.csv');
    const lines = masked.text
      .replace(/^\uFEFF/, '')
      .trim()
      .split('\n');
    expect(lines[0]).toBe('姓名,手机号,阶段,阶段编号,购买阶段,评分,顾问,接单截止,来源,最近活动,创建时间');
    expect(lines.slice(1).map((l) => l.split(',').slice(0, 2).join(','))).toEqual([
      '张三,138****8000',
      '李四,138****8001',
    ]);
    // The body starts with the UTF-8 byte-order mark Excel needs (Response.text() hides it).
    const raw = await t.app.request('/api/staff/leads/export.csv?view=pool', {
      headers: { authorization: `Bearer ${manager.token}` },
    });
    expect([...new Uint8Array(await raw.arrayBuffer()).slice(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    const full = await t.request('/api/staff/leads/export.csv?view=pool&fullPhones=true', { token: manager.token });
    expect(full.text).toContain('张三,13800138000');
    const audit = await t.db.select().from(staffAuditLog);
    expect(audit.map((a) => `${a.action}:${(a.detail as { rows: number }).rows}`).sort()).toEqual([
      'export_full_phones:2',
      'export_masked:2',
      'export_masked:2',
    ]);
    const none = await t.request('/api/staff/leads/export.csv?view=pool&stage=customer', { token: manager.token });
    expect(
      none.text
        .replace(/^\uFEFF/, '')
        .trim()
        .split('\n'),
    ).toHaveLength(1);
  });

  it.each([
    ['fullPhones not a boolean', '?fullPhones=yes'],
    ['unknown view', '?view=all'],
  ])('%s → 400, nothing logged', async (_label, query) => {
    const { t, manager } = await setup();
    expectError(
      await t.request(`/api/staff/leads/export.csv${query}`, { token: manager.token }),
      400,
      'validation_failed',
    );
    expect(await t.db.select().from(staffAuditLog).where(eq(staffAuditLog.staffId, manager.id))).toEqual([]);
  });
});
