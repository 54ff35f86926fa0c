/**
 * What the weapp build's JavaScript may contain (issue 11 item 4, ADR 013), checked file by file:
 *
 * - **Syntax** no newer than ES2017. WeChat runs the logic layer on the phone's own engine (iOS
 *   JavaScriptCore, Android V8) and cannot polyfill syntax; the DevTools ES5 compile stays off,
 *   so what the build writes is what phones parse.
 * - **No code built from strings.** Mini-programs refuse `eval` and `new Function` (WeChat doc
 *   JavaScript 支持情况 → 运行限制), except `new Function('return this')`.
 */
import { parse } from 'acorn';
import { fullAncestor } from 'acorn-walk';

export const WEAPP_ECMA_VERSION = 2017;

export interface OutputProblem {
  file: string;
  /** 1-based, as editors count. */
  line: number;
  column: number;
  message: string;
}

/**
 * Places that take the `Function` constructor without building anything a phone ever runs, each
 * with the text around it that identifies it and the reason. A new one fails the check until a
 * person reads it and adds it here.
 */
export const ALLOWED_FUNCTION_REFERENCES: readonly { near: RegExp; reason: string }[] = [
  {
    near: /"Cloudflare"/,
    reason: "zod's allowsEval probe: skipped under z.config({ jitless: true }), set first in app.ts",
  },
  {
    near: /key:"compile"/,
    reason: "zod's Doc.compile (its JIT): never reached under z.config({ jitless: true })",
  },
];

const isReturnThis = (node: { arguments: { type: string; value?: unknown }[] }) =>
  node.arguments.length === 1 && node.arguments[0]?.type === 'Literal' && node.arguments[0].value === 'return this';

function locate(source: string, offset: number): { line: number; column: number } {
  const before = source.slice(0, offset).split('\n');
  return { line: before.length, column: (before.at(-1)?.length ?? 0) + 1 };
}

interface AcornNode {
  type: string;
  start: number;
  end: number;
  [key: string]: unknown;
}

/**
 * The problems of one built file: a syntax error above ES2017, or a call of `eval`/`Function`, or
 * any other use of the `Function` constructor (an alias like `var F = Function` hides a later
 * `new F(code)`), unless allowed above. `Function.prototype` and `Function.toString` are reads.
 */
export function checkWeappScript(file: string, source: string): OutputProblem[] {
  let ast: AcornNode;
  try {
    ast = parse(source, { ecmaVersion: WEAPP_ECMA_VERSION, sourceType: 'script' }) as unknown as AcornNode;
  } catch (error) {
    const { line, column } = (error as { loc?: { line: number; column: number } }).loc ?? { line: 0, column: 0 };
    const message = error instanceof Error ? error.message.replace(/ \(\d+:\d+\)$/, '') : String(error);
    return [{ file, line, column: column + 1, message: `not ES${WEAPP_ECMA_VERSION}: ${message}` }];
  }
  const problems: OutputProblem[] = [];
  const report = (node: AcornNode, message: string) => problems.push({ file, ...locate(source, node.start), message });

  fullAncestor(ast as never, (raw, _state, ancestors) => {
    const node = raw as unknown as AcornNode;
    if (node.type !== 'Identifier' || (node.name !== 'Function' && node.name !== 'eval')) return;
    const parent = ancestors.at(-2) as unknown as AcornNode | undefined;
    if (!parent) return;
    // `x.Function`, `{ Function: … }`: a property named so, not the global.
    if (parent.type === 'MemberExpression' && parent.property === node && !parent.computed) return;
    if (parent.type === 'Property' && parent.key === node && !parent.computed) return;
    const isCallee = (parent.type === 'CallExpression' || parent.type === 'NewExpression') && parent.callee === node;
    if (node.name === 'eval') {
      report(node, isCallee ? 'eval() runs code from a string' : 'eval is referenced (an indirect eval)');
      return;
    }
    if (isCallee) {
      if (!isReturnThis(parent as never)) report(node, 'Function() builds a function from a string');
      return;
    }
    if (parent.type === 'MemberExpression' && parent.object === node && !parent.computed) {
      const property = (parent.property as AcornNode & { name?: string }).name;
      if (property === 'prototype' || property === 'toString') return;
    }
    const context = source.slice(Math.max(0, node.start - 300), node.end + 300);
    if (ALLOWED_FUNCTION_REFERENCES.some((allowed) => allowed.near.test(context))) return;
    report(node, 'the Function constructor is taken (an alias can build code from a string)');
  });
  return problems;
}
