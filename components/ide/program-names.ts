// The names a program declares (variables, functions, parameters), for phonetic candidates.
// They come with the live check's answers (lib/editor/check.worker.ts), analysed off the main
// thread once the typing pauses: analysing a 1,000-line program here took tens of milliseconds,
// a frozen editor for the key that came meanwhile. A key press reads the last list, and the list
// stays the same array until the names change (the engine indexes it once).

export interface NameList {
  get: () => readonly string[];
  /** The names of the latest analysis. */
  update: (next: readonly string[]) => void;
}

export function createNameList(): NameList {
  let names: readonly string[] = [];
  return {
    get: () => names,
    update: (next) => {
      if (next.length !== names.length || next.some((n, i) => n !== names[i])) names = next;
    },
  };
}
