/**
 * Where a V8 CPU profile (`node --cpu-prof`, or the inspector's Profiler) spends its time: self
 * time grouped by what the code belongs to (the app's own code, drizzle, node-postgres, zod,
 * hono, sockets, JSON, GC), plus the hottest functions, per batch of the measured load.
 */
import { readFileSync } from 'node:fs';

interface ProfileNode {
  id: number;
  callFrame: { functionName: string; url: string; lineNumber: number };
  children?: number[];
}
export interface CpuProfile {
  nodes: ProfileNode[];
  samples: number[];
  timeDeltas: number[];
}

export function readCpuProfile(path: string): CpuProfile {
  return JSON.parse(readFileSync(path, 'utf8')) as CpuProfile;
}

/** Groups of code by URL (first match wins); anything else is `other`. */
const CATEGORIES: readonly [string, RegExp][] = [
  ['drizzle-orm', /node_modules\/drizzle-orm\//],
  ['node-postgres (pg, pg-protocol, pg-types)', /node_modules\/(pg|pg-protocol|pg-types|pg-pool|postgres-[a-z]+)\//],
  ['zod', /node_modules\/zod\//],
  ['hono and @hono/node-server', /node_modules\/(hono|@hono\/[a-z-]+)\//],
  ['redis clients (ioredis, @upstash/redis)', /node_modules\/(ioredis|@upstash\/[a-z-]+|redis-[a-z-]+)\//],
  ['shared/ (domain: scoring, stages, contracts)', /\/shared\//],
  ['server/ (routes, services, queries)', /\/(server|api)\//],
  ['Node HTTP, sockets and streams', /^node:(_http|http|net|stream|internal\/(stream|net|http|streams))/],
  ['other Node internals', /^node:/],
];

/**
 * The category of a node: by its own URL, or for native frames (V8 builtins, the socket writes
 * of libuv) by the nearest caller that has one, so that `Array.prototype.map` called by drizzle
 * counts as drizzle. JSON and the VM's own pseudo-frames keep names of their own. `null`: the
 * profiler's own work (node:inspector), left out.
 */
function categorize(profile: CpuProfile): Map<number, string | null> {
  const byId = new Map(profile.nodes.map((n) => [n.id, n]));
  const parentOf = new Map<number, number>();
  for (const node of profile.nodes) for (const child of node.children ?? []) parentOf.set(child, node.id);
  const result = new Map<number, string | null>();
  const visit = (id: number): string | null => {
    const known = result.get(id);
    if (known !== undefined) return known;
    const { callFrame } = byId.get(id) as ProfileNode;
    const parent = parentOf.get(id);
    let category: string | null;
    if (callFrame.url === 'node:inspector') category = null;
    else if (parent !== undefined && visit(parent) === null) category = null;
    else if (callFrame.url !== '')
      category = CATEGORIES.find(([, pattern]) => pattern.test(callFrame.url))?.[0] ?? 'other';
    else if (callFrame.functionName === 'parse' || callFrame.functionName === 'stringify') category = 'JSON (native)';
    else if (callFrame.functionName.startsWith('(')) category = callFrame.functionName;
    else category = parent === undefined ? 'other' : visit(parent);
    result.set(id, category);
    return category;
  };
  for (const node of profile.nodes) visit(node.id);
  return result;
}

export interface ProfileSummary {
  /** Sampled time that was not idle. */
  busyMs: number;
  categories: { name: string; ms: number }[];
  functions: { name: string; ms: number }[];
}

export function summarizeCpuProfile(profile: CpuProfile): ProfileSummary {
  const selfUs = new Map<number, number>();
  for (const [i, id] of profile.samples.entries()) selfUs.set(id, (selfUs.get(id) ?? 0) + (profile.timeDeltas[i] ?? 0));
  const categoryOf = categorize(profile);
  const categories = new Map<string, number>();
  const functions = new Map<string, number>();
  let busyUs = 0;
  for (const node of profile.nodes) {
    const us = selfUs.get(node.id) ?? 0;
    const category = categoryOf.get(node.id);
    if (us === 0 || category === null || category === undefined || category === '(idle)') continue;
    busyUs += us;
    categories.set(category, (categories.get(category) ?? 0) + us);
    const where = node.callFrame.url
      .replace(/^.*\/node_modules\//, '')
      .replace(/^file:\/\/.*?\/(server|shared|api|scripts)\//, '$1/');
    const key = `${node.callFrame.functionName || '(anonymous)'} ${where}${where ? `:${node.callFrame.lineNumber + 1}` : ''}`;
    functions.set(key, (functions.get(key) ?? 0) + us);
  }
  const sorted = (map: Map<string, number>) =>
    [...map].sort((a, b) => b[1] - a[1]).map(([name, us]) => ({ name, ms: us / 1000 }));
  return { busyMs: busyUs / 1000, categories: sorted(categories), functions: sorted(functions) };
}

/**
 * Lines for a report: per category and for the top functions, the share of busy samples and
 * milliseconds per batch. The profiler samples wall-clock time, so on a busy machine its totals
 * overstate CPU: pass the process's measured CPU time per batch to scale the shares by it.
 */
export function formatProfileSummary(profile: CpuProfile, batches: number, cpuMsPerBatch?: number, top = 12): string[] {
  const summary = summarizeCpuProfile(profile);
  const perBatch = cpuMsPerBatch ?? summary.busyMs / batches;
  const line = (name: string, ms: number) => {
    const share = ms / summary.busyMs;
    return `${(100 * share).toFixed(1).padStart(5)}%  ${(share * perBatch).toFixed(3).padStart(7)} ms/batch  ${name}`;
  };
  const basis = cpuMsPerBatch === undefined ? 'sampled time' : 'measured process CPU time';
  return [
    `${perBatch.toFixed(2)} ms per batch (${basis}) over ${batches} batches; self time by code:`,
    ...summary.categories.map((c) => line(c.name, c.ms)),
    'hottest functions (self time):',
    ...summary.functions.slice(0, top).map((f) => line(f.name, f.ms)),
  ];
}
