import { z } from 'zod';

/**
 * Runs zod without its JIT. zod 4 compiles object schemas with `new Function` and probes for it
 * first; mini-programs forbid building functions from strings (WeChat doc JavaScript 支持情况 →
 * 运行限制: no eval, no `new Function` except `new Function('return this')`). Jitless, zod
 * neither probes nor compiles. app.ts imports this module first, before any schema is used.
 */
z.config({ jitless: true });
