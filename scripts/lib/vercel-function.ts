/**
 * Builds the Vercel function the way Vercel does: @vercel/node's own builder over the repository
 * compiles each traced `.ts` file on its own, keeps every import specifier as written, and the
 * output runs as native ESM on plain Node. Used by `api/vercel-build.test.ts` (the output loads
 * and serves) and the cold-start bench (how long importing it takes).
 */
import { execFile } from 'node:child_process';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { type BuildV3, download, glob } from '@vercel/build-utils';
import * as vercelNode from '@vercel/node';

const REPO_ROOT = fileURLToPath(new URL('../..', import.meta.url));
/** The builder Vercel runs for `api/*.ts`; the package's types describe only the request helpers. */
const { build } = vercelNode as unknown as { build: BuildV3 };

/** Writes the built function of `api/index.ts` into `outDir` (entry: `outDir/api/index.js`). */
export async function buildVercelFunction(outDir: string): Promise<void> {
  const files = await glob('**', {
    cwd: REPO_ROOT,
    ignore: ['node_modules/**', '.git/**', '.data/**', 'miniprogram/**', 'test-results/**'],
  });
  const { output } = await build({
    files,
    entrypoint: 'api/index.ts',
    workPath: REPO_ROOT,
    repoRootPath: REPO_ROOT,
    config: { zeroConfig: true },
    // The dependencies are installed already; Vercel would install them from the lockfile.
    meta: { isDev: true, skipDownload: true },
  });
  if (!('files' in output) || !output.files) throw new Error('the builder produced no function files');
  await download(output.files, outDir);
}

/**
 * `buildVercelFunction` in a process of its own, for a bench that measures its own process
 * afterwards: the builder loads the TypeScript compiler, and the garbage it leaves was collected
 * on V8's helper threads during the ingest bench's baseline, several times its CPU per batch.
 */
export async function buildVercelFunctionInChild(outDir: string): Promise<void> {
  await promisify(execFile)(process.execPath, ['--import', 'tsx', THIS_FILE, outDir], { cwd: REPO_ROOT });
}

const THIS_FILE = fileURLToPath(import.meta.url);
if (process.argv[1] === THIS_FILE) {
  const outDir = process.argv[2];
  if (!outDir) throw new Error('usage: vercel-function.ts <out-dir>');
  await buildVercelFunction(outDir);
}

/** The built entry file inside `outDir`. */
export function builtEntry(outDir: string): string {
  return path.join(outDir, 'api', 'index.js');
}
