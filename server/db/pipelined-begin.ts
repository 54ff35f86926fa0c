/**
 * A node-postgres client whose transactions open without a round trip of their own (issue 12).
 *
 * drizzle's `transaction()` sends `begin` and waits for its answer before the first statement, so
 * every transaction pays one round trip to PostgreSQL just to open: on the ingest path that was
 * one of four per batch, each a wake-up of the backend and of this process. node-postgres's
 * documented pipeline mode (`pipeline: true`) writes a query without waiting for the answer to
 * the one before, and the server runs them in order; this client uses it for exactly one case:
 * it sends the `begin` at once, answers drizzle straight away, and hands the `begin`'s outcome to
 * the transaction's next query, so both travel together and an error in either reaches the
 * caller. Every other query is sent and awaited as before (each query still carries its own
 * Sync, so a failed statement leaves the transaction aborted exactly as without pipelining).
 */
import pg from 'pg';

/** What drizzle's `transaction()` sends to open one, as a query config without values. */
function isBegin(config: unknown, values: unknown): boolean {
  if (Array.isArray(values) && values.length > 0) return false;
  const text = typeof config === 'string' ? config : (config as { text?: unknown } | null)?.text;
  return typeof text === 'string' && text.trim().toLowerCase() === 'begin';
}

const OPENED: pg.QueryResult = { command: 'BEGIN', rowCount: null, oid: 0, fields: [], rows: [] };

export class PipelinedBeginClient extends pg.Client {
  /** The `begin` on the wire whose answer nobody has awaited yet. */
  #opening: Promise<unknown> | undefined;

  constructor(config?: pg.ClientConfig) {
    super({ ...config, pipeline: true });
    // A connection lost while checked out (the server restarted, or ended it) fails its queries,
    // which report it to their callers, and is dropped by the pool on release; pg also emits it on
    // the client, where nobody listens while it is checked out, and that would end the process.
    this.on('error', () => undefined);
  }

  // biome-ignore lint/suspicious/noExplicitAny: pg.Client's query has a dozen overloads; this forwards them all.
  override query(config: any, values?: any, callback?: any): any {
    // Callback-style and submittable queries are pg's own (the pool's `query`); drizzle awaits promises.
    const isPromised = typeof values !== 'function' && callback === undefined && typeof config?.submit !== 'function';
    if (!isPromised) return super.query(config, values, callback);
    if (isBegin(config, values) && this.#opening === undefined) {
      // Held in the socket's buffer until the next query is written behind it: one write for both.
      this.connection.stream.cork();
      const opening = super.query(config, values) as Promise<unknown>;
      // Observed by the next query; kept from being reported as unhandled until then.
      opening.catch(() => undefined);
      this.#opening = opening;
      return Promise.resolve(OPENED);
    }
    const opening = this.#opening;
    const result: Promise<unknown> = super.query(config, values);
    if (opening === undefined) return result;
    this.#opening = undefined;
    this.connection.stream.uncork();
    // Both are on the wire; the `begin`'s error, if any, is the one to report.
    return opening.then(
      () => result,
      (error: unknown) => {
        result.catch(() => undefined);
        throw error;
      },
    );
  }
}
