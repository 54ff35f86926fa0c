import { describe, expect, it } from 'vitest';
import { checkWeappScript } from './weapp-output.js';

const messagesOf = (source: string) => checkWeappScript('x.js', source).map((p) => p.message);

describe('the weapp output check', () => {
  it('accepts ES2017: classes, arrows, async functions, template strings', () => {
    expect(messagesOf('class A { async m() { await 1; return `t`; } }; const f = (a, ...b) => a ** 2;')).toEqual([]);
  });

  it.each([
    ['optional chaining (ES2020)', 'var a = b?.c;'],
    ['nullish coalescing (ES2020)', 'var a = b ?? c;'],
    ['object spread (ES2018)', 'var a = { ...b };'],
    ['optional catch binding (ES2019)', 'try { a(); } catch { b(); }'],
    ['a class field (ES2022)', 'class A { x = 1 }'],
  ])('refuses %s with its position', (_, source) => {
    const problems = checkWeappScript('vendors.js', `\n${source}`);
    expect(problems).toEqual([expect.objectContaining({ file: 'vendors.js', line: 2 })]);
    expect(problems[0]?.message).toMatch(/^not ES2017: /);
  });

  it('refuses code built from strings, and every way to reach the Function constructor', () => {
    expect(messagesOf('eval("1")')).toEqual(['eval() runs code from a string']);
    expect(messagesOf('(0, eval)("1")')).toEqual(['eval is referenced (an indirect eval)']);
    expect(messagesOf('new Function("a", "return a")')).toEqual(['Function() builds a function from a string']);
    expect(messagesOf('Function("return 1")()')).toEqual(['Function() builds a function from a string']);
    expect(messagesOf('var F = Function; new F("x")')).toEqual([
      'the Function constructor is taken (an alias can build code from a string)',
    ]);
  });

  it("allows what WeChat allows, reads of Function's properties, and zod's jitless-only paths", () => {
    expect(messagesOf('var g = new Function("return this")();')).toEqual([]);
    expect(
      messagesOf('var p = Function.prototype; Function.toString.call(f); o.Function = 1; x = { Function: 1 };'),
    ).toEqual([]);
    expect(
      messagesOf('function probe(n) { if (n.includes("Cloudflare")) return false; var e = Function; new e(""); }'),
    ).toEqual([]);
  });
});
