/**
 * The workbench's commands (issue 9 §1, §5): `staff:add` for an installation's first manager and
 * `leads:import` for large lists. Their work runs in process on the test database; their argument
 * handling runs as a user would run it, through tsx (exit 2 with the usage).
 */
import { spawnSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import type { JoinStaffResponse } from '@scrm/shared';
import iconv from 'iconv-lite';
import { describe, expect, it } from 'vitest';
import { advisors, leadImports, leads } from '../server/db/schema/index.js';
import { createTestApp, createTestCampus, logInAs } from '../tests/helpers/index.js';
import { importLeadsFile, renderProgress } from './lib/leads-import.js';
import { addStaff } from './lib/staff-add.js';

const ROOT = fileURLToPath(new URL('..', import.meta.url));

function run(script: string, args: string[]) {
  const result = spawnSync(process.execPath, ['--import', 'tsx', `scripts/${script}`, ...args], {
    cwd: ROOT,
    encoding: 'utf8',
    env: { PATH: process.env.PATH ?? '', DATA_DIR: 'memory://' },
  });
  return { code: result.status, stderr: result.stderr };
}

describe('staff:add', () => {
  it('prints an invitation code the first manager redeems in the mini-program', async () => {
    const t = await createTestApp();
    const result = await addStaff(t.db, {
      name: '王校长',
      role: 'manager',
      campuses: [],
      isAllCampuses: true,
      capacity: 50,
      now: t.clock.now(),
    });
    if (result.kind !== 'invitation') throw new Error('expected an invitation');
    const me = await logInAs(t, 'principal');
    const joined = await t.request<JoinStaffResponse>('/api/staff/join', {
      method: 'POST',
      token: me.token,
      json: { code: result.code },
    });
    expect(joined.body.staff).toMatchObject({ name: '王校长', role: 'manager', isAllCampuses: true });
  });

  it('binds an openid directly, by campus name; refuses unknown campuses and impossible roles', async () => {
    const t = await createTestApp();
    await createTestCampus(t, '上海徐汇校区');
    const bound = await addStaff(t.db, {
      name: '张老师',
      role: 'advisor',
      campuses: ['上海徐汇校区'],
      isAllCampuses: false,
      capacity: 30,
      openid: 'o_zhang',
      now: t.clock.now(),
    });
    expect(bound.kind).toBe('bound');
    expect(await t.db.select().from(advisors)).toMatchObject([{ openid: 'o_zhang', capacity: 30 }]);
    const base = { name: '李', role: 'advisor' as const, isAllCampuses: false, capacity: 50, now: t.clock.now() };
    await expect(addStaff(t.db, { ...base, campuses: ['火星校区'] })).rejects.toThrow(/no campus "火星校区"/);
    await expect(addStaff(t.db, { ...base, campuses: [], isAllCampuses: true })).rejects.toThrow(/只有主管/);
    await expect(addStaff(t.db, { ...base, campuses: ['上海徐汇校区'], openid: 'o_zhang' })).rejects.toThrow(
      /already bound/,
    );
  });

  it('exits 2 with the usage on bad arguments', () => {
    const res = run('staff-add.ts', ['--name', '王', '--role', 'boss']);
    expect(res.code).toBe(2);
    expect(res.stderr).toContain('--role must be manager or advisor');
    expect(res.stderr).toContain('usage: npm run staff:add');
  });
});

describe('leads:import', () => {
  it('imports a GBK list in batches with progress; the same file again creates nothing', async () => {
    const t = await createTestApp();
    await createTestCampus(t, '上海徐汇校区');
    const lines = [
      '姓名,手机号,校区',
      ...Array.from({ length: 2500 }, (_, i) => `学员${i},139${String(i).padStart(8, '0')},上海徐汇校区`),
    ];
    lines.push('重复,13900000001,上海徐汇校区', '坏号码,123,上海徐汇校区');
    const bytes = iconv.encode(lines.join('\n'), 'gbk');
    const progress: string[] = [];
    const input = {
      bytes,
      encoding: 'auto' as const,
      mapping: {},
      listName: '讲座名单',
      dryRun: false,
      now: t.clock.now(),
    };
    const first = await importLeadsFile(t.db, {
      ...input,
      progress: (done, total) => progress.push(`${done}/${total}`),
    });
    expect(first).toMatchObject({ encoding: 'gbk', rows: 2502, created: 2500, duplicates: 1, errors: 1 });
    expect(first.firstErrors).toMatchObject([{ line: 2503, message: '手机号格式不正确' }]);
    expect(progress).toEqual(['1000/2502', '2000/2502', '2502/2502']);
    expect(await t.db.$count(leads)).toBe(2500);
    const again = await importLeadsFile(t.db, input);
    expect(again).toMatchObject({ created: 0, duplicates: 2501 });
    expect(await t.db.$count(leads)).toBe(2500);
    expect(await t.db.$count(leadImports)).toBe(2);
  });

  it('draws a progress bar', () => {
    expect(renderProgress(0, 4, 4)).toBe('[░░░░] 0% 0/4');
    expect(renderProgress(3, 4, 4)).toBe('[███░] 75% 3/4');
    expect(renderProgress(0, 0, 4)).toBe('[████] 100% 0/0');
  });

  it('exits 2 with the usage without a file or the consent confirmation', () => {
    const noFile = run('leads-import.ts', ['--list', '展会']);
    expect(noFile.code).toBe(2);
    expect(noFile.stderr).toContain('give exactly one FILE');
    const noConsent = run('leads-import.ts', ['list.csv', '--list', '展会']);
    expect(noConsent.code).toBe(2);
    expect(noConsent.stderr).toContain('--consent-confirmed is required');
  });
});
