// The total storage all anonymous snippets may take (SAJILO_ANON_STORAGE_MIB). Anonymous shares
// can never be deleted by anyone, so without a budget rotating addresses could fill the disk.
//
// Summing the table costs about 20 ms per 20,000 rows on PostgreSQL here, too much for every
// share, so the process keeps a running total: read from the database on first use and again
// after a minute (other processes may share too), and each anonymous insert reserves its bytes
// before it runs — check and reservation happen with no await between them, so parallel shares
// in one process cannot overshoot together.
import type { Db } from '@/lib/db';
import { config } from '@/lib/config';
import { ApiError } from './errors';

const REFRESH_MS = 60_000;

export function anonymousBudgetBytes(): number {
  return config().SAJILO_ANON_STORAGE_MIB * 1024 * 1024;
}

/** What the anonymous snippets take now, summed by the database (octet_length does not detoast). */
export async function anonymousBytesUsed(db: Db): Promise<number> {
  const [row] = await db.$queryRaw<{ used: bigint | number | null }[]>`
    SELECT COALESCE(SUM(octet_length("source") + octet_length("stdin") + octet_length("title")), 0)::bigint AS "used"
    FROM "Snippet" WHERE "ownerId" IS NULL`;
  return Number(row?.used ?? 0);
}

type Total = { db: Db; bytes: number; readAt: number };
const g = globalThis as unknown as { __sajiloAnonTotal?: Total };

async function runningTotal(db: Db): Promise<Total> {
  const t = g.__sajiloAnonTotal?.db === db ? g.__sajiloAnonTotal : undefined;
  if (t && Date.now() - t.readAt < REFRESH_MS) return t;
  const summed = await anonymousBytesUsed(db);
  // Anonymous snippets are never deleted, so the true total only grows: the larger of the
  // database's sum and our own count (which includes inserts still in flight) is safe.
  const current = g.__sajiloAnonTotal?.db === db ? g.__sajiloAnonTotal : undefined;
  if (current) {
    current.bytes = Math.max(current.bytes, summed);
    current.readAt = Date.now();
    return current;
  }
  g.__sajiloAnonTotal = { db, bytes: summed, readAt: Date.now() };
  return g.__sajiloAnonTotal;
}

/**
 * Reserves room for an anonymous snippet of this many bytes, or throws a 403 (Nepali and
 * English) when it would not fit. Returns the release to call if the insert then fails.
 */
export async function reserveAnonymousRoom(db: Db, bytes: number): Promise<() => void> {
  const total = await runningTotal(db);
  if (total.bytes + bytes > anonymousBudgetBytes()) {
    throw new ApiError('anonymous_storage_full');
  }
  total.bytes += bytes;
  return () => {
    total.bytes -= bytes;
  };
}
