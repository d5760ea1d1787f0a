'use client';
// The result of a run: verdict, output and error text (always as text: React escapes it, and
// terminal escapes are shown, never interpreted), the numbers, and links to error positions.
// The verdict's words come from lib/i18n (the server sends machine verdicts and the limit hit);
// the runtime error's position from the result's `runtimeError`, never from parsing stderr.
import { useLayoutEffect, useRef, type ReactNode, type RefObject } from 'react';
import { usePreferences } from '@/components/preferences';
import { formatNumber, formatNumberVars, type StringKey } from '@/lib/i18n/strings';
import { explainVerdict, isRunVerdict, outputCutMarker } from '@/lib/i18n/run-feedback';
import type { RunResponse } from '@/lib/validations/run';
import { PointerHint } from '@/components/pointer-hint';

/** Output of a run that has not ended (streamed as it arrives) or that was stopped. */
export interface LiveOutput {
  stdout: string;
  stderr: string;
}

export interface OutputPanelProps {
  running: boolean;
  live?: LiveOutput | null;
  stopped?: LiveOutput | null;
  response: RunResponse | null;
  error: { messageKey: StringKey; vars?: Record<string, string | number> } | null;
  /** The program's Latin-digits preference: the panel's own numbers follow it too. */
  latinDigits?: boolean;
  onReveal: (line: number, column: number) => void;
}

/** Control characters other than newline and tab are made visible (␛ for ESC, …). */
export function visibleText(s: string): string {
  return s.replace(/[\u0000-\u0008\u000b-\u001f\u007f]/g, (c) =>
    String.fromCharCode(0x2400 + (c === '\u007f' ? 0x21 : c.charCodeAt(0))),
  );
}

/** Within this many pixels of the bottom counts as "at the bottom" (rounding, zoom). */
const BOTTOM_SLACK_PX = 8;

/**
 * A program's output that follows new lines while the reader is at its bottom: scrolling up
 * stops following, scrolling back to the bottom resumes it. `followRef` is shared by the output
 * while it streams and the final result, so a reader who scrolled up stays where they were.
 */
function FollowingOutput({
  followRef,
  children,
  ...props
}: { followRef: RefObject<boolean>; children: ReactNode } & React.HTMLAttributes<HTMLPreElement>) {
  const preRef = useRef<HTMLPreElement | null>(null);
  useLayoutEffect(() => {
    const el = preRef.current;
    if (!el) return;
    if (followRef.current) el.scrollTop = el.scrollHeight;
    el.dataset.following = String(followRef.current);
  });
  const onScroll = () => {
    const el = preRef.current;
    if (!el) return;
    followRef.current = el.scrollHeight - el.scrollTop - el.clientHeight <= BOTTOM_SLACK_PX;
    el.dataset.following = String(followRef.current);
  };
  return (
    <pre ref={preRef} onScroll={onScroll} {...props}>
      {children}
    </pre>
  );
}

export function OutputPanel({
  running,
  live,
  stopped,
  response,
  error,
  latinDigits = false,
  onReveal,
}: OutputPanelProps) {
  const { lang, t } = usePreferences();
  const num = (n: number) => formatNumber(lang, n, latinDigits);
  // Each run starts by following its output (before any output box of the run exists).
  const followRef = useRef(true);
  useLayoutEffect(() => {
    if (running) followRef.current = true;
  }, [running]);

  /** Output so far, as text (same hooks as a finished run's). */
  const partial = (o: LiveOutput | null | undefined) =>
    o && (
      <>
        {o.stdout && (
          <>
            <h3 id="stdout-heading">{t('output.stdout')}</h3>
            <FollowingOutput
              followRef={followRef}
              data-testid="output-stdout"
              aria-labelledby="stdout-heading"
              tabIndex={0}
            >
              {visibleText(o.stdout)}
            </FollowingOutput>
          </>
        )}
        {o.stderr && (
          <>
            <h3 id="stderr-heading">{t('output.stderr')}</h3>
            <pre className="output-stderr" data-testid="output-stderr" aria-labelledby="stderr-heading" tabIndex={0}>
              {visibleText(o.stderr)}
            </pre>
          </>
        )}
      </>
    );

  let body: React.ReactNode;
  if (running) {
    body = (
      <>
        <p className="progress" role="status" data-testid="run-progress">
          {t('output.progress')}
        </p>
        {partial(live)}
      </>
    );
  } else if (error) {
    body = (
      <p className="alert" role="alert" data-testid="run-error">
        {t(error.messageKey, formatNumberVars(lang, error.vars, latinDigits))}
      </p>
    );
  } else if (stopped) {
    body = (
      <>
        <p>
          <span className="verdict verdict-bad" data-testid="verdict" data-verdict="stopped">
            {t('verdict.stopped')}
          </span>{' '}
          <span className="ide-status">{t('output.stopped')}</span>
        </p>
        {partial(stopped)}
      </>
    );
  } else if (!response) {
    body = (
      <p className="ide-status">
        <PointerHint keyboard={t('output.empty')} touch={t('output.emptyTouch')} />
      </p>
    );
  } else if (!response.compile.ok || !response.run) {
    body = (
      <>
        <p>
          <span className="verdict verdict-bad" data-testid="verdict" data-verdict="compile_error">
            {t('verdict.compile_error')}
          </span>
        </p>
        <h3>{t('output.compileErrors')}</h3>
        <ul className="diagnostics" data-testid="compile-diagnostics">
          {response.compile.diagnostics.map((d, i) => (
            <li key={i} className={`diagnostic-${d.severity}`}>
              <button type="button" onClick={() => onReveal(d.line, d.column)}>
                {t('output.goTo', { line: num(d.line), column: num(d.column) })}
              </button>{' '}
              <span>{lang === 'ne' ? d.message : d.messageEn}</span>
            </li>
          ))}
        </ul>
        {response.compile.omittedDiagnostics > 0 && (
          <p className="ide-status" data-testid="more-diagnostics">
            {t('output.moreDiagnostics', { n: num(response.compile.omittedDiagnostics) })}
          </p>
        )}
      </>
    );
  } else {
    const run = response.run;
    const verdict = isRunVerdict(run.verdict) ? run.verdict : 'internal_error';
    const explanation = explainVerdict(lang, run, latinDigits);
    const failure = run.verdict === 'runtime_error' ? run.runtimeError : undefined;
    const where =
      failure && failure.line !== null && failure.column !== null
        ? { line: failure.line, column: failure.column }
        : null;
    // Where the output limit cut the output (the streams share one limit; the program's output
    // is where it almost always falls): a line of its own, never mistaken for the program's.
    const cut = run.truncated && (
      <span className="output-cut" data-testid="output-cut">
        {outputCutMarker(
          lang,
          run.limitExceeded?.kind === 'output'
            ? run.limitExceeded.limit
            : new TextEncoder().encode(run.stdout + run.stderr).length,
          latinDigits,
        )}
      </span>
    );
    body = (
      <>
        <p>
          <span
            className={`verdict ${verdict === 'ok' ? 'verdict-ok' : 'verdict-bad'}`}
            data-testid="verdict"
            data-verdict={run.verdict}
            title={explanation}
          >
            {t(`verdict.${verdict}` as StringKey)}
          </span>{' '}
          <span className="ide-status" data-testid="verdict-explanation">
            {explanation}
          </span>
        </p>
        {failure && (
          <p className="runtime-error" data-testid="runtime-error">
            {where && (
              <>
                <button
                  type="button"
                  className="button"
                  data-testid="runtime-error-link"
                  onClick={() => onReveal(where.line, where.column)}
                >
                  {t('output.runtimeErrorAt', { line: num(where.line), column: num(where.column) })}
                </button>{' '}
              </>
            )}
            <span>{lang === 'ne' ? failure.message : failure.messageEn}</span>
          </p>
        )}
        <h3 id="stdout-heading">{t('output.stdout')}</h3>
        <FollowingOutput
          followRef={followRef}
          data-testid="output-stdout"
          aria-labelledby="stdout-heading"
          tabIndex={0}
        >
          {run.stdout ? visibleText(run.stdout) : !cut && <span className="ide-status">{t('output.noOutput')}</span>}
          {cut}
        </FollowingOutput>
        {run.stderr && (
          <>
            <h3 id="stderr-heading">{t('output.stderr')}</h3>
            <pre className="output-stderr" data-testid="output-stderr" aria-labelledby="stderr-heading" tabIndex={0}>
              {visibleText(run.stderr)}
            </pre>
          </>
        )}
        <dl className="output-stats" data-testid="run-stats">
          <dt>{t('output.exitCode')}</dt>
          <dd>{run.exitCode === null ? '—' : num(run.exitCode)}</dd>
          {/* A limit's kill signal says nothing the verdict does not: shown for a crash only. */}
          {run.signal && run.verdict === 'runtime_error' && (
            <>
              <dt>{t('output.signal')}</dt>
              <dd>{run.signal}</dd>
            </>
          )}
          <dt>{t('output.cpu')}</dt>
          <dd>{t('output.ms', { n: num(run.cpuMs) })}</dd>
          <dt>{t('output.wall')}</dt>
          <dd>{t('output.ms', { n: num(run.wallMs) })}</dd>
          <dt>{t('output.memory')}</dt>
          <dd>{t('output.kb', { n: num(run.memoryKb) })}</dd>
        </dl>
      </>
    );
  }

  return (
    <section className="output" aria-labelledby="output-title" aria-live="polite" aria-busy={running}>
      <h2 id="output-title">{t('output.title')}</h2>
      {body}
    </section>
  );
}
