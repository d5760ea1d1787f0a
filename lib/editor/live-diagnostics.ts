// Live error squiggles on a Monaco model: the debounced checker wired to setModelMarkers.
import type { editor, IDisposable } from 'monaco-editor/editor/editor.api';
import type { Check } from './compiler-bridge';
import { createLiveChecker, DEFAULT_LIVE_CHECK_DELAY_MS } from './live-check';
import type { LiveChecker, TimerLike } from './live-check';
import { SAJILO_MARKER_OWNER, toMarkers } from './markers';
import type { MonacoApi } from './monaco-types';
import type { UiLanguage } from './ui-language';

export interface LiveDiagnosticsOptions {
  /** The front end's check(), or one answering later (from a Web Worker: check-in-worker.ts). */
  check: Check | ((source: string) => Promise<ReturnType<Check>>);
  getUiLanguage?: () => UiLanguage;
  delayMs?: number;
  timer?: TimerLike;
}

export interface LiveDiagnostics extends IDisposable {
  checker: LiveChecker;
}

/** Checks the model now, then again after every quiet pause in editing. */
export function attachLiveDiagnostics(
  monaco: MonacoApi,
  model: editor.ITextModel,
  options: LiveDiagnosticsOptions,
): LiveDiagnostics {
  const getUiLanguage = options.getUiLanguage ?? (() => 'ne' as const);
  const checker = createLiveChecker({
    model,
    check: options.check,
    delayMs: options.delayMs ?? DEFAULT_LIVE_CHECK_DELAY_MS,
    timer: options.timer,
    publish: (diagnostics) => {
      if (model.isDisposed()) return;
      const markers = toMarkers(diagnostics, getUiLanguage(), monaco.MarkerSeverity);
      monaco.editor.setModelMarkers(model, SAJILO_MARKER_OWNER, markers);
    },
  });
  const subscription = model.onDidChangeContent(() => checker.contentChanged());
  checker.checkNow();
  return {
    checker,
    dispose: () => {
      subscription.dispose();
      checker.dispose();
    },
  };
}
