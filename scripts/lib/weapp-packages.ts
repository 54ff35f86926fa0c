/**
 * The weapp build split into the packages WeChat uploads (issue 5 item 5, issue 11 item 4): the
 * main package is every file outside the subpackage roots of app.json; each subpackage is the
 * files under its root. WeChat refuses a package over 2 MB and a whole app over 20 MB
 * (分包加载 → 使用分包: 单个分包/主包不能超过 2M, 整个小程序所有分包不超过 20M); we fail at three
 * quarters of that, to keep room for growth (the advisor workbench fills the `admin` subpackage).
 */
const MIB = 1024 * 1024;
export const PACKAGE_LIMIT_BYTES = 1.5 * MIB;
export const TOTAL_LIMIT_BYTES = 15 * MIB;

export interface BuiltFile {
  /** Relative to the build folder, with '/' separators. */
  path: string;
  bytes: number;
}

export interface PackageSize {
  /** 'main', or a subpackage's root. */
  name: string;
  bytes: number;
}

/** The subpackage roots of a built app.json (`subPackages`, or its alias `subpackages`), as `root/`. */
export function readSubpackageRoots(appJson: unknown): string[] {
  const app = appJson as { subPackages?: { root: string }[]; subpackages?: { root: string }[] };
  return (app.subPackages ?? app.subpackages ?? []).map((pkg) => `${pkg.root.replace(/^\/+|\/+$/g, '')}/`);
}

/** Each package's size: the main package first, then the subpackages in app.json's order. */
export function measurePackages(files: readonly BuiltFile[], subpackageRoots: readonly string[]): PackageSize[] {
  const sizes = new Map<string, number>([['main', 0], ...subpackageRoots.map((root): [string, number] => [root, 0])]);
  for (const file of files) {
    const owner = subpackageRoots.find((root) => file.path.startsWith(root)) ?? 'main';
    sizes.set(owner, (sizes.get(owner) ?? 0) + file.bytes);
  }
  return [...sizes].map(([name, bytes]) => ({ name, bytes }));
}

/** What is over its limit, as sentences; empty when the build may be uploaded with room to spare. */
export function findSizeProblems(packages: readonly PackageSize[]): string[] {
  const problems = packages
    .filter((pkg) => pkg.bytes > PACKAGE_LIMIT_BYTES)
    .map((pkg) => `${describe(pkg)} is ${formatKiB(pkg.bytes)}, over ${formatKiB(PACKAGE_LIMIT_BYTES)}`);
  const total = packages.reduce((sum, pkg) => sum + pkg.bytes, 0);
  if (total > TOTAL_LIMIT_BYTES)
    problems.push(`all packages are ${formatKiB(total)}, over ${formatKiB(TOTAL_LIMIT_BYTES)}`);
  return problems;
}

export function describe(pkg: PackageSize): string {
  return pkg.name === 'main' ? 'main package' : `subpackage ${pkg.name}`;
}

export function formatKiB(bytes: number): string {
  return `${(bytes / 1024).toFixed(1)} KiB`;
}
