import { describe, expect, it } from 'vitest';
import {
  findSizeProblems,
  measurePackages,
  PACKAGE_LIMIT_BYTES,
  readSubpackageRoots,
  TOTAL_LIMIT_BYTES,
} from './weapp-packages.js';

const KIB = 1024;

describe('weapp packages', () => {
  it('reads the subpackage roots of app.json under either spelling', () => {
    expect(readSubpackageRoots({ subPackages: [{ root: 'admin' }, { root: '/campaigns/' }] })).toEqual([
      'admin/',
      'campaigns/',
    ]);
    expect(readSubpackageRoots({ subpackages: [{ root: 'admin/' }] })).toEqual(['admin/']);
    expect(readSubpackageRoots({ pages: [] })).toEqual([]);
  });

  it('counts each file in the package whose root holds it, the rest in the main package', () => {
    const files = [
      { path: 'app.js', bytes: 100 * KIB },
      { path: 'admin/pages/leads/index.js', bytes: 30 * KIB },
      { path: 'admin/sub-vendors.js', bytes: 20 * KIB },
      { path: 'administration.js', bytes: 1 * KIB },
    ];
    expect(measurePackages(files, ['admin/', 'campaigns/'])).toEqual([
      { name: 'main', bytes: 101 * KIB },
      { name: 'admin/', bytes: 50 * KIB },
      { name: 'campaigns/', bytes: 0 },
    ]);
  });

  it('names every package over its limit, and an app over the total', () => {
    expect(findSizeProblems([{ name: 'main', bytes: PACKAGE_LIMIT_BYTES }])).toEqual([]);
    expect(
      findSizeProblems([
        { name: 'main', bytes: PACKAGE_LIMIT_BYTES + 1 },
        { name: 'admin/', bytes: PACKAGE_LIMIT_BYTES + 1 },
      ]),
    ).toEqual([expect.stringContaining('main package is'), expect.stringContaining('subpackage admin/ is')]);
    const many = Array.from({ length: 11 }, (_, i) => ({ name: `p${i}/`, bytes: PACKAGE_LIMIT_BYTES }));
    expect(TOTAL_LIMIT_BYTES).toBeLessThan(11 * PACKAGE_LIMIT_BYTES);
    expect(findSizeProblems(many)).toEqual([expect.stringContaining('all packages are')]);
  });
});
