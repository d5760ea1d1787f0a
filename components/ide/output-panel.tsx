'use client';
// The result of a run: verdict, output and error text (always as text: React escapes it, and
// terminal escapes are shown, never interpreted), the numbers, and links to error positions.
import { VERDICT_TEXT, type Verdict } from '@/sandbox/types';
import { usePreferences } from '@/components/preferences';
import { formatNumber, type StringKey } from '@/lib/i18n/strings';
import type { RunResponse } from '@/lib/validations/run';
import { runtimeErrorPosition } from '@/components/ide/runtime-error';
import { PointerHint } from '@/components/pointer-hint';

/** Output of a run that has not ended (streamed as it arrives) or that was stopped. */
export interface LiveOutput { stdout: string; stderr: string }

export interface OutputPanelProps {
  running: boolean;
  live?: LiveOutput | null;
  stopped?: LiveOutput | null;
  response: RunResponse | null;
  error: { messageKey: StringKey; vars?: Record<string, string | number> } | null;
  onReveal: (line: number, column: number) => void;
}

/** Control characters other than newline and tab are made visible (␛ for ESC, …). */
export function visibleText(s: string): string {
  return s.replace(/[\u0000-\u0008\u000b-\u001f\u007f]/g, (c) => String.fromCharCode(0x2400 + (c === '\u007f' ? 0x21 : c.charCodeAt(0))));
}

function isVerdict(v: string): v is Verdict {
  return v in VERDICT_TEXT;
}

export function OutputPanel({ running, live, stopped, response, error, onReveal }: OutputPanelProps) {
  const { lang, t } = usePreferences();
  const num = (n: number) => formatNumber(lang, n);

  /** Output so far, as text (same hooks as a finished run's). */
  const partial = (o: LiveOutput | null | undefined) => o && (
    <>
      {o.stdout && (
        <>
          <h3 id="stdout-heading">{t('output.stdout')}</h3>
          <pre data-testid="output-stdout" aria-labelledby="stdout-heading" tabIndex={0}>{visibleText(o.stdout)}</pre>
        </>
      )}
      {o.stderr && (
        <>
          <h3 id="stderr-heading">{t('output.stderr')}</h3>
          <pre className="output-stderr" data-testid="output-stderr" aria-labelledby="stderr-heading" tabIndex={0}>{visibleText(o.stderr)}</pre>
        </>
      )}
    </>
  );

  let body: React.ReactNode;
  if (running) {
    body = (
      <>
        <p className="progress" role="status" data-testid="run-progress">{t('output.progress')}</p>
        {partial(live)}
      </>
    );
  } else if (error) {
    const vars = error.vars && Object.fromEntries(Object.entries(error.vars).map(([k, v]) => [k, typeof v === 'number' ? num(v) : v]));
    body = <p className="alert" role="alert" data-testid="run-error">{t(error.messageKey, vars)}</p>;
  } else if (stopped) {
    body = (
      <>
        <p>
          <span className="verdict verdict-bad" data-testid="verdict" data-verdict="stopped">{t('verdict.stopped')}</span>{' '}
          <span className="ide-status">{t('output.stopped')}</span>
        </p>
        {partial(stopped)}
      </>
    );
  } else if (!response) {
    body = <p className="ide-status"><PointerHint keyboard={t('output.empty')} touch={t('output.emptyTouch')} /></p>;
  } else if (!response.compile.ok || !response.run) {
    body = (
      <>
        <p><span className="verdict verdict-bad" data-testid="verdict" data-verdict="compile_error">{t('verdict.compile_error')}</span></p>
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
          <p className="ide-status" data-testid="more-diagnostics">{t('output.moreDiagnostics', { n: num(response.compile.omittedDiagnostics) })}</p>
        )}
      </>
    );
  } else {
    const run = response.run;
    const verdict = isVerdict(run.verdict) ? run.verdict : 'internal_error';
    const where = run.verdict === 'runtime_error' ? runtimeErrorPosition(run.stderr) : null;
    body = (
      <>
        <p>
          <span
            className={`verdict ${verdict === 'ok' ? 'verdict-ok' : 'verdict-bad'}`}
            data-testid="verdict"
            data-verdict={run.verdict}
            title={VERDICT_TEXT[verdict][lang]}
          >
            {t(`verdict.${verdict}` as StringKey)}
          </span>{' '}
          <span className="ide-status">{VERDICT_TEXT[verdict][lang]}</span>
        </p>
        {where && (
          <p>
            <button type="button" className="button" data-testid="runtime-error-link" onClick={() => onReveal(where.line, where.column)}>
              {t('output.runtimeErrorAt', { line: num(where.line), column: num(where.column) })}
            </button>
          </p>
        )}
        <h3 id="stdout-heading">{t('output.stdout')}</h3>
        <pre data-testid="output-stdout" aria-labelledby="stdout-heading" tabIndex={0}>
          {run.stdout ? visibleText(run.stdout) : <span className="ide-status">{t('output.noOutput')}</span>}
        </pre>
        {run.stderr && (
          <>
            <h3 id="stderr-heading">{t('output.stderr')}</h3>
            <pre className="output-stderr" data-testid="output-stderr" aria-labelledby="stderr-heading" tabIndex={0}>{visibleText(run.stderr)}</pre>
          </>
        )}
        {run.truncated && <p className="ide-status">{t('output.truncated')}</p>}
        <dl className="output-stats" data-testid="run-stats">
          <dt>{t('output.exitCode')}</dt><dd>{run.exitCode === null ? '—' : num(run.exitCode)}</dd>
          {run.signal && (<><dt>{t('output.signal')}</dt><dd>{run.signal}</dd></>)}
          <dt>{t('output.cpu')}</dt><dd>{t('output.ms', { n: num(run.cpuMs) })}</dd>
          <dt>{t('output.wall')}</dt><dd>{t('output.ms', { n: num(run.wallMs) })}</dd>
          <dt>{t('output.memory')}</dt><dd>{t('output.kb', { n: num(run.memoryKb) })}</dd>
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
