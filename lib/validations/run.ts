// The HTTP contract of POST /api/run and POST /api/check (docs/interfaces.md), one schema for both sides:
// the route handlers validate with it, the IDE types its requests and responses with it.
import { z } from 'zod';
import type { ApiErrorBody } from '@/lib/api/errors';

/** Source and stdin: at most 64 KiB each, counted in UTF-8 bytes. */
export const MAX_FIELD_BYTES = 64 * 1024;
/**
 * The raw request body is refused (413) before parsing above this size. JSON may escape each
 * character of a field as \uXXXX (6 bytes for 1 to 3 UTF-8 bytes), so two full fields fit.
 */
export const MAX_BODY_BYTES = 2 * 6 * MAX_FIELD_BYTES + 4096;

export const runRequestSchema = z
  .object({
    source: z.string(),
    stdin: z.string().optional(),
    latinDigits: z.boolean().optional(),
  })
  .strict();
export type RunRequest = z.infer<typeof runRequestSchema>;

export const checkRequestSchema = z.object({ source: z.string() }).strict();
export type CheckRequest = z.infer<typeof checkRequestSchema>;

export interface ApiDiagnostic {
  line: number;
  column: number;
  endLine: number;
  endColumn: number;
  severity: 'error' | 'warning';
  message: string; // Nepali
  messageEn: string; // English
}

export interface ApiRunResult {
  verdict: string;
  exitCode: number | null;
  signal: string | null;
  stdout: string;
  stderr: string;
  cpuMs: number;
  wallMs: number;
  memoryKb: number;
  truncated: boolean;
  /** Which build ran: "fast" (tcc, compiled now) or "optimised" (gcc -O2, built after an earlier run). */
  tier?: 'fast' | 'optimised';
  /** The error that ended the program at run time (verdict runtime_error), from the runtime's own
   *  record, never from the program's output: 1-based position (null when unknown), Nepali and
   *  English message. Absent when the program did not fail at run time. */
  runtimeError?: { line: number | null; column: number | null; message: string; messageEn: string };
  /** For time_limit, memory_limit, output_limit: the limit that ended the run ("cpu-time" and
   *  "wall-time" in ms, "memory" in MiB, "output" in bytes). */
  limitExceeded?: { kind: 'cpu-time' | 'wall-time' | 'memory' | 'output'; limit: number };
}

/** At most the first 100 diagnostics are listed, in source order; `omittedDiagnostics` counts the rest. */
export interface RunResponse {
  compile: { ok: boolean; diagnostics: ApiDiagnostic[]; omittedDiagnostics: number };
  run: ApiRunResult | null;
}
export interface CheckResponse {
  diagnostics: ApiDiagnostic[];
  omittedDiagnostics: number;
}

/** POST /api/run with `Accept: application/x-ndjson`: one JSON object per line, in this order —
 *  compile, then stdout/stderr chunks as the program writes them, then result (run null after a
 *  failed compile). An `error` line replaces `result` if the server fails after streaming began. */
export const NDJSON_TYPE = 'application/x-ndjson';

/**
 * Whether an `Accept` header asks for the NDJSON form: it lists `application/x-ndjson` itself
 * (any case; not a type that merely starts with it) with a quality above 0 and not below the
 * one it gives `application/json`. Anything else — no header, wildcards only, a range with a malformed
 * quality, a header that is not a list of media ranges — gets the JSON answer, the default.
 */
export function wantsNdjson(accept: string | null): boolean {
  if (!accept) return false;
  const quality: Record<string, number> = {};
  for (const range of accept.split(',')) {
    const [type, ...params] = range.split(';').map((part) => part.trim().toLowerCase());
    let q = 1;
    for (const param of params) {
      const [name, value] = param.split('=').map((x) => x.trim());
      if (name !== 'q') continue;
      q = /^(0(\.\d{0,3})?|1(\.0{0,3})?)$/.test(value ?? '') ? Number(value) : -1;
    }
    if (q >= 0 && (type === NDJSON_TYPE || type === 'application/json'))
      quality[type] = Math.max(quality[type] ?? 0, q);
  }
  const ndjson = quality[NDJSON_TYPE] ?? 0;
  return ndjson > 0 && ndjson >= (quality['application/json'] ?? 0);
}
export type RunStreamLine =
  | ({ type: 'compile' } & RunResponse['compile'])
  | { type: 'stdout' | 'stderr'; data: string }
  | { type: 'result'; run: ApiRunResult | null }
  | ({ type: 'error' } & ApiErrorBody);

export function utf8Length(s: string): number {
  return new TextEncoder().encode(s).length;
}

/** Fields over MAX_FIELD_BYTES, by name (empty when all fit). */
export function oversizeFields(fields: Record<string, string | undefined>): string[] {
  return Object.entries(fields)
    .filter(([, v]) => v !== undefined && v.length > MAX_FIELD_BYTES / 4 && utf8Length(v) > MAX_FIELD_BYTES)
    .map(([k]) => k);
}

/** Exactly the contract's fields of a diagnostic (the compiler's carry more, e.g. code). */
export function toApiDiagnostic(d: ApiDiagnostic): ApiDiagnostic {
  return {
    line: d.line,
    column: d.column,
    endLine: d.endLine,
    endColumn: d.endColumn,
    severity: d.severity,
    message: d.message,
    messageEn: d.messageEn,
  };
}

/** Exactly the contract's fields of a run (the sandbox's result carries more, e.g. detail). */
export function toApiRunResult(r: ApiRunResult): ApiRunResult {
  return {
    verdict: r.verdict,
    exitCode: r.exitCode,
    signal: r.signal,
    stdout: r.stdout,
    stderr: r.stderr,
    cpuMs: r.cpuMs,
    wallMs: r.wallMs,
    memoryKb: r.memoryKb,
    truncated: r.truncated,
    ...(r.tier ? { tier: r.tier } : {}),
    ...(r.runtimeError
      ? {
          runtimeError: {
            line: r.runtimeError.line,
            column: r.runtimeError.column,
            message: r.runtimeError.message,
            messageEn: r.runtimeError.messageEn,
          },
        }
      : {}),
    ...(r.limitExceeded ? { limitExceeded: { kind: r.limitExceeded.kind, limit: r.limitExceeded.limit } } : {}),
  };
}
