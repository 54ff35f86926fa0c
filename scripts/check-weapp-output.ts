/**
 * Checks the weapp build's JavaScript (issue 11 item 4, ADR 013): every file parses as ES2017 and
 * builds no code from strings (scripts/lib/weapp-output.ts). With `--release`, also that the build
 * is one a phone can use: the built project.config.json carries a real AppID, and no local API
 * origin or stand-in template id is left in the code (the config refuses them too; this checks
 * the artifact that is uploaded).
 *
 *   npm run build:weapp && npx tsx scripts/check-weapp-output.ts
 *   npm run build:weapp:release && npx tsx scripts/check-weapp-output.ts --release
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import {
  DEVELOPMENT_WEAPP_API_BASE,
  isRealAppId,
  STAND_IN_TEMPLATE_IDS,
} from '../miniprogram/config/build-settings.js';
import { checkWeappScript, type OutputProblem, WEAPP_ECMA_VERSION } from './lib/weapp-output.js';

const distDir = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', 'miniprogram', 'dist', 'weapp');
const { values } = parseArgs({ options: { release: { type: 'boolean', default: false } } });

function listScripts(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const absolute = path.join(dir, entry.name);
    if (entry.isDirectory()) return listScripts(absolute);
    return entry.isFile() && entry.name.endsWith('.js') ? [absolute] : [];
  });
}

/** What makes a build unfit for a phone, by its traces in the built files. */
function findReleaseProblems(sources: Map<string, string>): string[] {
  const problems: string[] = [];
  const projectFile = path.join(distDir, 'project.config.json');
  const project = existsSync(projectFile) ? (JSON.parse(readFileSync(projectFile, 'utf8')) as { appid?: unknown }) : {};
  if (typeof project.appid !== 'string' || !isRealAppId(project.appid)) {
    problems.push(`dist/weapp/project.config.json has appid ${JSON.stringify(project.appid)}, not a real AppID`);
  }
  const leftovers = [DEVELOPMENT_WEAPP_API_BASE, ...Object.values(STAND_IN_TEMPLATE_IDS)];
  for (const [file, source] of sources) {
    for (const leftover of leftovers) {
      if (source.includes(leftover)) problems.push(`${file} contains the development value ${leftover}`);
    }
  }
  return problems;
}

if (!existsSync(path.join(distDir, 'app.json'))) {
  console.error('No weapp build at miniprogram/dist/weapp: run `npm run build:weapp` first.');
  process.exit(1);
}
const sources = new Map(
  listScripts(distDir).map((file) => [
    path.relative(distDir, file).split(path.sep).join('/'),
    readFileSync(file, 'utf8'),
  ]),
);
const problems: OutputProblem[] = [...sources].flatMap(([file, source]) => checkWeappScript(file, source));
for (const problem of problems) console.error(`${problem.file}:${problem.line}:${problem.column} ${problem.message}`);
const releaseProblems = values.release ? findReleaseProblems(sources) : [];
for (const problem of releaseProblems) console.error(problem);
if (problems.length + releaseProblems.length > 0) process.exit(1);
console.log(
  `weapp output: ${sources.size} scripts parse as ES${WEAPP_ECMA_VERSION} and build no code from strings` +
    (values.release ? '; release settings present' : ''),
);
