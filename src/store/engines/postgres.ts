import KeyvPostgres from '@keyv/postgres';
import pg from 'pg';
import { likePrefix, type StorageEngine } from './engine.ts';

const TABLE = 'keyv';
const EXPIRED = (row: string, param: string) =>
  `(${row}.value::jsonb->>'expires')::bigint <= ${param}`;

/**
 * @keyv/postgres keeps one pool for the whole process and lets an idle connection's error
 * go unhandled, which ends the process when the server restarts. This adapter brings its
 * own pool, so errors come back from the query that met them, and the store closes only
 * its own connections.
 */
class OwnPoolPostgres extends KeyvPostgres {
  declare pool: pg.Pool;

  override async connect() {
    this.pool = new pg.Pool({ connectionString: this.opts.uri, max: 10 });
    // An idle connection that breaks is dropped by the pool; the next query reconnects
    // or fails, and that failure is what the caller sees.
    this.pool.on('error', () => undefined);
    return async (sql: string, values?: unknown[]) => (await this.pool.query(sql, values)).rows;
  }

  override async disconnect() {
    await this.pool.end();
  }
}

/** PostgreSQL through @keyv/postgres; the atomic steps are INSERT … ON CONFLICT and UPDATE … WHERE. */
export async function postgresEngine(url: string): Promise<StorageEngine> {
  const adapter = new OwnPoolPostgres({ uri: url });
  const query = (sql: string, values: unknown[]) =>
    adapter.query(sql, values) as Promise<Record<string, unknown>[]>;
  // The adapter creates its table lazily and reports a failure only as an event: ask now,
  // so a wrong URL or a server that is down stops the bot at start-up.
  await adapter.pool.query('SELECT 1');
  await query(`SELECT 1 FROM ${TABLE} LIMIT 1`, []);
  return {
    adapter,
    async readRaw(key) {
      const rows = await query(`SELECT value FROM ${TABLE} WHERE key = $1`, [key]);
      return rows[0]?.value as string | undefined;
    },
    async insertIfAbsent(key, raw, _ttlMs, nowMs) {
      const rows = await query(
        `INSERT INTO ${TABLE} (key, value) VALUES ($1, $2)
         ON CONFLICT (key) DO UPDATE SET value = EXCLUDED.value WHERE ${EXPIRED(TABLE, '$3')}
         RETURNING key`,
        [key, raw, nowMs],
      );
      return rows.length > 0;
    },
    async replaceIfEqual(key, expected, raw) {
      const rows = await query(
        `UPDATE ${TABLE} SET value = $1 WHERE key = $2 AND value = $3 RETURNING key`,
        [raw, key, expected],
      );
      return rows.length > 0;
    },
    async claim(key, raw, owner, _leaseMs, nowMs) {
      const rows = await query(
        `INSERT INTO ${TABLE} (key, value) VALUES ($1, $2)
         ON CONFLICT (key) DO UPDATE SET value = EXCLUDED.value
         WHERE ${EXPIRED(TABLE, '$3')} OR ${TABLE}.value::jsonb->>'value' = $4
         RETURNING key`,
        [key, raw, nowMs, owner],
      );
      return rows.length > 0;
    },
    async release(key, owner) {
      await query(`DELETE FROM ${TABLE} WHERE key = $1 AND value::jsonb->>'value' = $2`, [
        key,
        owner,
      ]);
    },
    async sweepExpired(prefix, nowMs) {
      const rows = await query(
        `DELETE FROM ${TABLE} WHERE key LIKE $1 AND ${EXPIRED(TABLE, '$2')} RETURNING key`,
        [likePrefix(prefix), nowMs],
      );
      return rows.length;
    },
    close: () => adapter.disconnect(),
  };
}
