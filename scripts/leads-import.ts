/**
 * `npm run leads:import -- FILE --list NAME --consent-confirmed [options]`: imports a large offline
 * list (CSV in UTF-8 or GBK) into the pool, deduplicated by phone, with a progress bar on stderr.
 * The database is the one the environment selects (`DATABASE_URL`, else PGlite in `DATA_DIR`).
 */
import { readFileSync } from 'node:fs';
import { parseArgs } from 'node:util';
import { IMPORT_ENCODINGS, IMPORT_FIELDS, type ImportEncoding, type ImportMapping } from '@scrm/shared';
import { createDatabase } from '../server/db/client.js';
import { migrateDatabase } from '../server/db/migrate.js';
import { loadEnv } from '../server/env.js';
import { AppError } from '../server/http/app-error.js';
import { runCli, UsageError } from './lib/cli.js';
import { importLeadsFile, renderProgress } from './lib/leads-import.js';

const USAGE = `usage: npm run leads:import -- FILE --list NAME --consent-confirmed [--campus NAME|ID]
         [--encoding auto|utf-8|gbk] [--map FIELD=HEADER ...] [--dry-run]

  FILE                 the CSV list (UTF-8 or GBK, as Excel saves it)
  --list NAME          the list's name, kept as the leads' campaign (e.g. "2026 春季教育展")
  --consent-confirmed  the people on the list agreed to be contacted (required)
  --campus NAME|ID     the campus of rows without one
  --encoding           auto (default): UTF-8 when the bytes are valid UTF-8, else GBK
  --map FIELD=HEADER   read FIELD (${IMPORT_FIELDS.join(', ')}) from column HEADER
  --dry-run            check every row and report; write nothing`;

function parseMapping(pairs: readonly string[]): ImportMapping {
  const mapping: ImportMapping = {};
  for (const pair of pairs) {
    const [field, header] = pair.split('=', 2);
    if (!field || !header || !(IMPORT_FIELDS as readonly string[]).includes(field)) {
      throw new UsageError(`--map ${pair}: expected FIELD=HEADER with FIELD one of ${IMPORT_FIELDS.join(', ')}`);
    }
    mapping[field as keyof ImportMapping] = header;
  }
  return mapping;
}

await runCli(USAGE, async () => {
  let parsed: ReturnType<typeof parseArgs>;
  try {
    parsed = parseArgs({
      args: process.argv.slice(2),
      allowPositionals: true,
      strict: true,
      options: {
        list: { type: 'string' },
        campus: { type: 'string' },
        encoding: { type: 'string', default: 'auto' },
        map: { type: 'string', multiple: true, default: [] },
        'dry-run': { type: 'boolean', default: false },
        'consent-confirmed': { type: 'boolean', default: false },
      },
    });
  } catch (error) {
    throw new UsageError((error as Error).message);
  }
  const { values, positionals } = parsed;
  const [file] = positionals;
  if (!file || positionals.length > 1) throw new UsageError('give exactly one FILE');
  if (typeof values.list !== 'string' || values.list.trim() === '') throw new UsageError('--list NAME is required');
  if (!values['consent-confirmed'])
    throw new UsageError('--consent-confirmed is required: only import people who agreed');
  const encoding = String(values.encoding);
  if (!(IMPORT_ENCODINGS as readonly string[]).includes(encoding)) throw new UsageError(`--encoding: ${encoding}?`);
  let bytes: Uint8Array;
  try {
    bytes = readFileSync(file);
  } catch (error) {
    throw new UsageError(`cannot read ${file}: ${(error as NodeJS.ErrnoException).code ?? (error as Error).message}`);
  }
  const env = loadEnv();
  const handle = createDatabase({ databaseUrl: env.DATABASE_URL, dataDir: env.DATA_DIR });
  const isTty = process.stderr.isTTY === true;
  let lastDecile = -1;
  try {
    await migrateDatabase(handle);
    const summary = await importLeadsFile(handle.db, {
      bytes,
      encoding: encoding as ImportEncoding,
      mapping: parseMapping(values.map as string[]),
      listName: values.list.trim(),
      campus: typeof values.campus === 'string' ? values.campus : undefined,
      dryRun: values['dry-run'] === true,
      now: new Date(),
      progress: (done, total) => {
        // A terminal gets one line redrawn; a log gets a line per tenth.
        if (isTty) process.stderr.write(`\r${renderProgress(done, total)}`);
        else if (Math.floor((done / total) * 10) > lastDecile) {
          lastDecile = Math.floor((done / total) * 10);
          process.stderr.write(`${renderProgress(done, total)}\n`);
        }
      },
    });
    if (isTty) process.stderr.write('\n');
    const verb = values['dry-run'] ? 'would create' : 'created';
    process.stdout.write(
      `${summary.rows} rows (${summary.encoding}): ${verb} ${summary.created}, duplicates ${summary.duplicates}, errors ${summary.errors}\n`,
    );
    for (const row of summary.firstErrors) process.stdout.write(`  line ${row.line}: ${row.message}\n`);
  } catch (error) {
    if (error instanceof AppError) throw new UsageError(`${file}: ${error.userMessage ?? error.message}`);
    throw error;
  } finally {
    await handle.close();
  }
});
