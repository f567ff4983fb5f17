import KeyvSqlite from '@keyv/sqlite';
import { likePrefix, type StorageEngine } from './engine.ts';

const EXPIRED = (row: string) =>
  `(json_extract(${row}.value, '$.expires') IS NOT NULL AND json_extract(${row}.value, '$.expires') <= ?)`;

/** SQLite through @keyv/sqlite; the atomic steps are single UPSERT/UPDATE statements. */
export async function sqliteEngine(file: string): Promise<StorageEngine> {
  const adapter = new KeyvSqlite({ uri: `sqlite://${file}`, busyTimeout: 10_000 });
  // Only this process uses the file (see process-lock), so write-ahead logging is safe, and
  // with synchronous=NORMAL a commit no longer waits for fsync: each write is ~10× cheaper,
  // which the outbox needs to keep up with Discord's 50 requests/s. A power loss may undo
  // the last commits (never corrupt the file); redone work reuses the same delivery ids
  // and nonces, so it does not double alerts.
  await adapter.query('PRAGMA journal_mode = WAL');
  await adapter.query('PRAGMA synchronous = NORMAL');
  const table = adapter.opts.table ?? 'keyv';
  const changed = (rows: unknown) => Array.isArray(rows) && rows.length > 0;
  return {
    adapter,
    async readRaw(key) {
      const rows = (await adapter.query(`SELECT value FROM ${table} WHERE key = ?`, key)) as {
        value: string;
      }[];
      return rows[0]?.value;
    },
    async insertIfAbsent(key, raw, _ttlMs, nowMs) {
      return changed(
        await adapter.query(
          `INSERT INTO ${table} (key, value) VALUES (?, ?)
           ON CONFLICT (key) DO UPDATE SET value = excluded.value WHERE ${EXPIRED(table)}
           RETURNING key`,
          key,
          raw,
          nowMs,
        ),
      );
    },
    async replaceIfEqual(key, expected, raw) {
      return changed(
        await adapter.query(
          `UPDATE ${table} SET value = ? WHERE key = ? AND value = ? RETURNING key`,
          raw,
          key,
          expected,
        ),
      );
    },
    async claim(key, raw, owner, _leaseMs, nowMs) {
      return changed(
        await adapter.query(
          `INSERT INTO ${table} (key, value) VALUES (?, ?)
           ON CONFLICT (key) DO UPDATE SET value = excluded.value
           WHERE ${EXPIRED(table)} OR json_extract(${table}.value, '$.value') = ?
           RETURNING key`,
          key,
          raw,
          nowMs,
          owner,
        ),
      );
    },
    async release(key, owner) {
      await adapter.query(
        `DELETE FROM ${table} WHERE key = ? AND json_extract(value, '$.value') = ?`,
        key,
        owner,
      );
    },
    async sweepExpired(prefix, nowMs) {
      const rows = await adapter.query(
        `DELETE FROM ${table} WHERE key LIKE ? ESCAPE '\\' AND ${EXPIRED(table)} RETURNING key`,
        likePrefix(prefix),
        nowMs,
      );
      return Array.isArray(rows) ? rows.length : 0;
    },
    close: () => adapter.disconnect(),
  };
}
