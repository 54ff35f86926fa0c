/**
 * The rollup algebra every measure shares (issue 15 §3 "aggregates come from rollups kept up to
 * date incrementally"; ADR 016). A partial aggregate is a table of rows: a key of dimensions (day,
 * stage, segment, and for medians the whole number of days as one more key column) and a value of
 * counts and sums. Merging adds values of equal keys, so it is associative and commutative with the
 * empty table as identity, and every table has an inverse (`negateRollupTable`): a fact that
 * changes is retracted exactly. This is the shape of a Postgres table updated with
 * `INSERT … ON CONFLICT (key) DO UPDATE SET n = t.n + excluded.n`.
 */

export type RollupKey = Readonly<Record<string, string | number | null>>;
export type RollupValue = Readonly<Record<string, number>>;

export interface RollupRow<K extends RollupKey, V extends RollupValue> {
  key: K;
  value: V;
}

/** Rows by their canonical key (see `encodeRollupKey`). Never mutated once returned. */
export type RollupTable<K extends RollupKey, V extends RollupValue> = ReadonlyMap<string, RollupRow<K, V>>;

/** A key's identity: its fields sorted by name, so that the order the key was built in never matters. */
export function encodeRollupKey(key: RollupKey): string {
  return JSON.stringify(
    Object.keys(key)
      .sort()
      .map((field) => [field, key[field]]),
  );
}

/** A table of the given rows, equal keys added together. */
export function buildRollupTable<K extends RollupKey, V extends RollupValue>(
  rows: Iterable<RollupRow<K, V>>,
): RollupTable<K, V> {
  const table = new Map<string, RollupRow<K, V>>();
  for (const row of rows) addRowInPlace(table, row);
  return table;
}

/**
 * The sum of the tables: the table of the union of their facts. Rows whose values cancel to zero
 * are dropped, so that adding a table's negation leaves the table it started from.
 */
export function mergeRollupTables<K extends RollupKey, V extends RollupValue>(
  ...tables: readonly RollupTable<K, V>[]
): RollupTable<K, V> {
  const merged = new Map<string, RollupRow<K, V>>();
  for (const table of tables) for (const row of table.values()) addRowInPlace(merged, row);
  return merged;
}

/** The inverse: merging a table with its negation gives the empty table. */
export function negateRollupTable<K extends RollupKey, V extends RollupValue>(
  table: RollupTable<K, V>,
): RollupTable<K, V> {
  return new Map(
    [...table.entries()].map(([id, row]) => [id, { key: row.key, value: mapValue(row.value, (n) => -n) }]),
  );
}

function addRowInPlace<K extends RollupKey, V extends RollupValue>(
  table: Map<string, RollupRow<K, V>>,
  row: RollupRow<K, V>,
): void {
  const id = encodeRollupKey(row.key);
  const existing = table.get(id);
  const value = existing ? addValues(existing.value, row.value) : row.value;
  if (Object.values(value).every((n) => n === 0)) table.delete(id);
  else table.set(id, { key: row.key, value });
}

function addValues<V extends RollupValue>(a: V, b: V): V {
  const sum: Record<string, number> = { ...a };
  for (const [field, n] of Object.entries(b)) sum[field] = (sum[field] ?? 0) + n;
  return sum as V;
}

function mapValue<V extends RollupValue>(value: V, map: (n: number) => number): V {
  return Object.fromEntries(Object.entries(value).map(([field, n]) => [field, map(n)])) as unknown as V;
}
