import { createHash } from 'node:crypto';
import { Hono } from 'hono';
import { describe, expect, it } from 'vitest';
import { h5SecurityHeaders, hashInlineScripts } from './security-headers.js';

describe('the H5 security headers', () => {
  const template =
    '<head><script>/* */ !function(n){n.x=1}(window); /* */</script><script defer="defer" src="/js/app.js"></script></head>';

  it('hashes inline scripts only, as CSP Level 3 expects', () => {
    const body = '/* */ !function(n){n.x=1}(window); /* */';
    expect(hashInlineScripts(template)).toEqual([`'sha256-${createHash('sha256').update(body).digest('base64')}'`]);
    expect(hashInlineScripts('<script src="/a.js"></script>')).toEqual([]);
  });

  it('allows own-origin scripts and the listed inline ones, nothing else', async () => {
    const hashes = hashInlineScripts(template);
    const app = new Hono().use(h5SecurityHeaders({ inlineScriptHashes: hashes })).get('/', (c) => c.html(template));
    const csp = (await app.request('/')).headers.get('content-security-policy') ?? '';
    expect(csp).toContain(`script-src 'self' ${hashes[0]}`);
    expect(csp).toContain("default-src 'self'");
    expect(csp).toContain("object-src 'none'");
    expect(csp).toContain("frame-ancestors 'none'");
    expect(csp).not.toContain("'unsafe-eval'");
  });
});
