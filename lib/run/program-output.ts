// A compiled Sajilo program in the sandbox's run profile, with what the run pipeline adds to the
// sandbox's raw result: the runtime's error record taken out of stderr and returned as
// `runtimeError` (lib/run/runtime-error.ts), and output cut by the limit ending on a whole
// grapheme cluster (lib/run/output-cut.ts), streamed chunks and result alike.
import { runSandboxed, type SandboxOptions, type SandboxResult } from '@/sandbox/index';
import { cutAtGraphemeBoundary, GraphemeHoldback } from './output-cut';
import {
  ERROR_TOKEN_ENV,
  newErrorToken,
  RuntimeErrorFilter,
  takeRuntimeError,
  type RuntimeErrorRecord,
} from './runtime-error';

export type ProgramResult = SandboxResult & { runtimeError?: RuntimeErrorRecord };

export async function runCompiledProgram(options: SandboxOptions): Promise<ProgramResult> {
  // The runtime's error record carries this run's secret token.
  const token = newErrorToken();
  const { onOutput } = options;
  const stderrFilter = new RuntimeErrorFilter(token);
  const held = { stdout: new GraphemeHoldback(), stderr: new GraphemeHoldback() };
  const run = await runSandboxed({
    ...options,
    env: { ...options.env, [ERROR_TOKEN_ENV]: token },
    ...(onOutput
      ? {
          onOutput: (stream: 'stdout' | 'stderr', chunk: string) => {
            const shown = held[stream].push(stream === 'stderr' ? stderrFilter.push(chunk) : chunk);
            if (shown) onOutput(stream, shown);
          },
        }
      : {}),
  });
  if (onOutput) {
    // The streamed text joined equals the result's (docs/interfaces.md), cut or not.
    const rest = {
      stdout: held.stdout.end(run.truncated),
      stderr: held.stderr.push(stderrFilter.end()) + held.stderr.end(run.truncated),
    };
    for (const stream of ['stdout', 'stderr'] as const) if (rest[stream]) onOutput(stream, rest[stream]);
  }
  const { stderr, record } = takeRuntimeError(run.stderr, token);
  const cut = run.truncated ? cutAtGraphemeBoundary : (s: string) => s;
  return {
    ...run,
    stdout: cut(run.stdout),
    stderr: cut(stderr),
    ...(record && run.verdict === 'runtime_error' && !run.stopped ? { runtimeError: record } : {}),
  };
}
