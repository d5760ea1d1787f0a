// The total storage all anonymous snippets may take (SAJILO_ANON_STORAGE_MIB). Anonymous shares
// can never be deleted by anyone, so without a budget rotating addresses could fill the disk.
// The check reads the current total (octet_length does not detoast, so it stays cheap) before
// each anonymous insert; parallel inserts can overshoot by at most their own sizes.
import type { Db } from '@/lib/db';
import { config } from '@/lib/config';
import { ApiError } from './errors';

export function anonymousBudgetBytes(): number {
  return config().SAJILO_ANON_STORAGE_MIB * 1024 * 1024;
}

export async function anonymousBytesUsed(db: Db): Promise<number> {
  const [row] = await db.$queryRaw<{ used: bigint | number | null }[]>`
    SELECT COALESCE(SUM(octet_length("source") + octet_length("stdin") + octet_length("title")), 0)::bigint AS "used"
    FROM "Snippet" WHERE "ownerId" IS NULL`;
  return Number(row?.used ?? 0);
}

/** Throws a 403 (Nepali and English) when an anonymous snippet of this many bytes would not fit. */
export async function assertAnonymousRoom(db: Db, bytes: number): Promise<void> {
  if ((await anonymousBytesUsed(db)) + bytes <= anonymousBudgetBytes()) return;
  throw new ApiError(403,
    'anonymous sharing is full: the storage for programs shared without signing in is used up; sign in to share', {},
    'साइन इन नगरी साझा गर्ने ठाउँ भरिएको छ; साझा गर्न साइन इन गर्नुहोस्।');
}
