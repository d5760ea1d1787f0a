// The live check's Web Worker: the compiler front end on its own thread, so no program, however
// large or hostile, can freeze the tab (lib/editor/check-in-worker.ts starts and budgets it).
// The answer also gives what the program declares, for the phonetic candidates and completion.
import { checkSummaryWithNames } from '../compiler';

export interface CheckRequestMessage {
  id: number;
  source: string;
}

self.onmessage = (event: MessageEvent<CheckRequestMessage>) => {
  const { id, source } = event.data;
  const { names, symbols, ...summary } = checkSummaryWithNames(source);
  self.postMessage({ id, summary, names, symbols });
};
