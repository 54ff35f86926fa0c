/**
 * The privacy declarations stay true (issue 11 item 2): every WeChat private API the mini-program
 * uses is declared in docs/privacy-declarations.md (and so in the admin console's privacy guide),
 * nothing declared is unused, and every page that uses one renders the consent popup.
 */
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { findDeclaredApis, findPrivateApiUses, type PrivateApiUse } from './lib/privacy-scan.js';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const sourceDir = path.join(root, 'miniprogram', 'src');
const DECLARATIONS = 'docs/privacy-declarations.md';
const SECTION = 'Private APIs the code uses';

function listSources(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const absolute = path.join(dir, entry.name);
    if (entry.isDirectory()) return listSources(absolute);
    return /\.tsx?$/.test(entry.name) && !/\.test\.tsx?$/.test(entry.name) ? [absolute] : [];
  });
}

const relative = (file: string) => path.relative(root, file).split(path.sep).join('/');
const uses: PrivateApiUse[] = listSources(sourceDir).flatMap((file) =>
  findPrivateApiUses(relative(file), readFileSync(file, 'utf8')),
);

describe('the privacy scan', () => {
  it('finds calls, open types (also combined ones), scopes, components and nickname inputs', () => {
    const source = [
      "await Taro.setClipboardData({ data: '' });",
      '<Button openType="getPhoneNumber|agreePrivacyAuthorization" />',
      "Taro.authorize({ scope: 'scope.userLocation' });",
      '<Camera devicePosition="back" />',
      '<Input type="nickname" />',
      'wx.chooseMedia({});',
      'Taro.showToast({}); Taro.downloadFile({ url });',
    ].join('\n');
    expect(findPrivateApiUses('a.tsx', source).map((use) => `${use.line} ${use.api} ${use.privacyKey}`)).toEqual([
      '1 wx.setClipboardData Clipboard',
      '6 wx.chooseMedia Album',
      '2 open-type="getPhoneNumber" PhoneNumber',
      '3 scope.userLocation Location',
      '4 <camera> Camera',
      '5 <input type="nickname"> UserInfo',
    ]);
  });

  it('reads the declared APIs of one section of the markdown only', () => {
    const markdown = '## A\n| `wx.getLocation` | `wx.showToast` |\n## B\n`wx.chooseImage`\n';
    expect([...findDeclaredApis(markdown, 'A')]).toEqual(['wx.getLocation']);
  });
});

describe('the mini-program', () => {
  const declared = findDeclaredApis(readFileSync(path.join(root, DECLARATIONS), 'utf8'), SECTION);

  it(`declares in ${DECLARATIONS} every private API it uses`, () => {
    const undeclared = uses
      .filter((use) => !declared.has(use.api))
      .map((use) => `${use.api} (${use.file}:${use.line})`);
    expect(undeclared, `add these to "${SECTION}" and to the admin console's privacy guide`).toEqual([]);
  });

  it('declares no private API it does not use', () => {
    const used = new Set(uses.map((use) => use.api));
    expect(
      [...declared].filter((api) => !used.has(api)),
      'remove these rows, and the console entries',
    ).toEqual([]);
  });

  it('renders the consent popup on every page that uses a private API', () => {
    const pagesWithoutPopup = [...new Set(uses.map((use) => use.file))].filter((file) => {
      const page = /^miniprogram\/src\/((?:admin\/)?pages\/[^/]+)\//.exec(file)?.[1];
      if (!page) return true; // a private API outside a page: move the call into the page that triggers it
      return !readFileSync(path.join(sourceDir, page, 'index.tsx'), 'utf8').includes('<PrivacyConsent');
    });
    expect(pagesWithoutPopup, 'render <PrivacyConsent consent={privacyConsent} /> there').toEqual([]);
  });
});
