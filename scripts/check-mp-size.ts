/**
 * Size of the weapp main package (issue 5 item 5): every file of miniprogram/dist/weapp except
 * the subpackage roots declared in its app.json, the same split WeChat applies when it uploads.
 * WeChat refuses a main package over 2 MB; we fail at 1.5 MB to keep room for growth.
 *
 *   npm run build:weapp && npx tsx scripts/check-mp-size.ts
 */
import { readdirSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const LIMIT_BYTES = 1.5 * 1024 * 1024;
const distDir = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', 'miniprogram', 'dist', 'weapp');

/** Sums file sizes under `dir`; `isExcluded` gets paths relative to the build, with '/' separators. */
function sumFileSizes(dir: string, isExcluded: (relativePath: string) => boolean): number {
  let total = 0;
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const absolute = path.join(dir, entry.name);
    if (entry.isDirectory()) total += sumFileSizes(absolute, isExcluded);
    else if (entry.isFile() && !isExcluded(path.relative(distDir, absolute).split(path.sep).join('/'))) {
      total += statSync(absolute).size;
    }
  }
  return total;
}

function readSubpackageRoots(): string[] {
  const appJson: unknown = JSON.parse(readFileSync(path.join(distDir, 'app.json'), 'utf8'));
  const app = appJson as { subPackages?: { root: string }[]; subpackages?: { root: string }[] };
  return (app.subPackages ?? app.subpackages ?? []).map((pkg) => `${pkg.root.replace(/\/+$/, '')}/`);
}

function formatKiB(bytes: number): string {
  return `${(bytes / 1024).toFixed(1)} KiB`;
}

let roots: string[];
try {
  roots = readSubpackageRoots();
} catch {
  console.error(`No weapp build at ${path.relative(process.cwd(), distDir)}: run \`npm run build:weapp\` first.`);
  process.exit(1);
}
const mainBytes = sumFileSizes(distDir, (file) => roots.some((root) => file.startsWith(root)));
const totalBytes = sumFileSizes(distDir, () => false);
console.log(`weapp main package: ${formatKiB(mainBytes)} of ${formatKiB(LIMIT_BYTES)} allowed`);
console.log(`subpackages (${roots.join(', ') || 'none'}): ${formatKiB(totalBytes - mainBytes)}`);
if (mainBytes > LIMIT_BYTES) {
  console.error('The main package is over the limit: move pages to a subpackage or trim dependencies.');
  process.exit(1);
}
