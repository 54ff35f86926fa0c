/**
 * `one(rows)`: the single row of a `returning()` or `select()` result, or a clear failure when
 * there is none. Saves every test a non-null assertion.
 *
 * @example const lead = one(await t.db.insert(leads).values({ openid: 'o_alice' }).returning());
 */
export function one<T>(rows: readonly T[]): T {
  const [row] = rows;
  if (row === undefined || rows.length !== 1) throw new Error(`expected exactly one row, got ${rows.length}`);
  return row;
}
