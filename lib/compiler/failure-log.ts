// The server's record of a compiler failure: where it happened, the error and its stack, and
// the first 16 hex digits of the source's SHA-256, never the source itself (programs may hold
// what their authors typed as input). The hash lets a report be matched with the log line.
// Server only.
import { createHash } from 'node:crypto';
import { CompilerFailure } from './failure';

export function sourceHash(source: string): string {
  return createHash('sha256').update(source, 'utf8').digest('hex').slice(0, 16);
}

/** One log line (plus the stack) for a failure during `phase` ('check', 'build', …). */
export function logCompilerFailure(phase: string, source: string, error: unknown): void {
  const failure = CompilerFailure.from(error);
  const { line, column } = failure.diagnostic;
  const cause = failure.cause ?? failure;
  const stack = cause instanceof Error && cause.stack ? `\n${cause.stack}` : '';
  console.error(
    `[compiler] ${phase} failed at ${line}:${column} on source sha256:${sourceHash(source)}: ${failure.message}${stack}`,
  );
}
