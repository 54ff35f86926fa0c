/**
 * Sizes of the weapp build's packages (issue 5 item 5, issue 11 item 4): the main package and each
 * subpackage of app.json, the same split WeChat applies when it uploads. Fails when a package or
 * the whole app is over the limits of scripts/lib/weapp-packages.ts.
 *
 *   npm run build:weapp && npx tsx scripts/check-mp-size.ts
 */
import { readdirSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import {
  type BuiltFile,
  describe,
  findSizeProblems,
  formatKiB,
  measurePackages,
  PACKAGE_LIMIT_BYTES,
  readSubpackageRoots,
} from './lib/weapp-packages.js';

const distDir = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', 'miniprogram', 'dist', 'weapp');

function listFiles(dir: string): BuiltFile[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry): BuiltFile[] => {
    const absolute = path.join(dir, entry.name);
    if (entry.isDirectory()) return listFiles(absolute);
    if (!entry.isFile()) return [];
    return [{ path: path.relative(distDir, absolute).split(path.sep).join('/'), bytes: statSync(absolute).size }];
  });
}

let roots: string[];
try {
  roots = readSubpackageRoots(JSON.parse(readFileSync(path.join(distDir, 'app.json'), 'utf8')));
} catch {
  console.error(`No weapp build at ${path.relative(process.cwd(), distDir)}: run \`npm run build:weapp\` first.`);
  process.exit(1);
}
const packages = measurePackages(listFiles(distDir), roots);
for (const pkg of packages) {
  console.log(`weapp ${describe(pkg)}: ${formatKiB(pkg.bytes)} of ${formatKiB(PACKAGE_LIMIT_BYTES)} allowed`);
}
const problems = findSizeProblems(packages);
if (problems.length > 0) {
  console.error(`Too big: ${problems.join('; ')}. Move pages to a subpackage or trim dependencies.`);
  process.exit(1);
}
