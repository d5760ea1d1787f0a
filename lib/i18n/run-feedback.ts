// How a run ended, in words for people: the sandbox reports machine verdicts (a verdict name and,
// for a limit, which one and its value); this turns them into the UI language, with the limit's
// value in the interface's digits ("२ सेकेन्डको CPU सीमा नाघ्यो" / "the 2-second CPU limit").
// Signal names (SIGKILL, SIGXCPU) are never part of these texts.
import { VERDICTS, type LimitExceeded, type Verdict } from '@/sandbox/types';
import { formatNumber, translate, type StringKey, type UiLanguage } from './strings';

// The sandbox's own table of verdicts and of the limits it reports (types and constants only).
export type RunVerdict = Verdict;
export type LimitHit = LimitExceeded;

const LIMIT_KINDS: readonly LimitHit['kind'][] = ['cpu-time', 'wall-time', 'memory', 'output'];

export function isRunVerdict(v: string): v is RunVerdict {
  return (VERDICTS as readonly string[]).includes(v);
}

/** A size in bytes: whole KiB when it is one ("64 KiB"), else bytes; `latinDigits` as in formatNumber. */
export function formatBytes(lang: UiLanguage, bytes: number, latinDigits = false): string {
  if (bytes >= 1024 && bytes % 1024 === 0)
    return translate(lang, 'run.bytes.kib', { n: formatNumber(lang, bytes / 1024, latinDigits) });
  return translate(lang, 'run.bytes.b', { n: formatNumber(lang, bytes, latinDigits) });
}

/** "Stopped: the 2-second CPU limit was reached" for the limit that ended a run. */
export function describeLimit(lang: UiLanguage, hit: LimitHit, latinDigits = false): string {
  const limit =
    hit.kind === 'cpu-time' || hit.kind === 'wall-time'
      ? formatNumber(lang, hit.limit / 1000, latinDigits)
      : hit.kind === 'memory'
        ? formatNumber(lang, hit.limit, latinDigits)
        : formatBytes(lang, hit.limit, latinDigits);
  return translate(lang, `run.limit.${hit.kind}` as StringKey, { limit });
}

/** One sentence on how the run ended: the limit when one was hit, else what the verdict means. */
export function explainVerdict(
  lang: UiLanguage,
  run: { verdict: string; limitExceeded?: LimitHit | null },
  latinDigits = false,
): string {
  const hit = run.limitExceeded;
  if (hit && LIMIT_KINDS.includes(hit.kind) && Number.isFinite(hit.limit)) return describeLimit(lang, hit, latinDigits);
  const verdict = isRunVerdict(run.verdict) ? run.verdict : 'internal_error';
  return translate(lang, `run.explain.${verdict}` as StringKey);
}

/** The line shown where the output limit cut the output. */
export function outputCutMarker(lang: UiLanguage, keptBytes: number, latinDigits = false): string {
  return translate(lang, 'run.outputCut', { kept: formatBytes(lang, keptBytes, latinDigits) });
}
