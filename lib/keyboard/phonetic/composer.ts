// Phonetic typing as an input method, shared by the code editor and every text field: the
// composer eats Latin letters, keeps a composition (the Latin and its candidates) and says,
// key by key, what the host must do. No DOM: the host passes KeyboardEvent-like objects and
// applies the result (insert text, swallow the key or let it through, draw the composition).
//
// Keys while a word is being composed:
//   letters          add to the Latin (the host shows it, with the candidate list)
//   Space, Enter, punctuation, operators, any other character
//                    commit the selected candidate (the first unless Tab moved it), then
//                    the key does its own work (handled: false)
//   Tab / Shift+Tab, ArrowDown / ArrowUp
//                    select the next / previous candidate (wraps)
//   1–9              commit candidate N (the digit is not typed); a digit beyond the list
//                    and 0 commit the selected candidate and type the digit
//   Backspace        removes the last Latin letter (the composition closes when empty)
//   Escape           commits the Latin letters as typed
//   other keys and Ctrl/Cmd/Alt shortcuts
//                    commit the selected candidate, then act as usual
// Without a composition, digits type ०–९ (0–9 with latinDigits) and every other key passes.
// Inside texts and comments the same, except that Alt+L (Option+L) switches Latin typing
// there on and off: with Latin on, letters and digits pass through untouched.
import { DEVANAGARI_DIGITS } from './scheme';
import { MAX_CANDIDATES, phoneticCandidates, type PhoneticCandidate, type TypingContext } from './candidates';

/** The subset of a KeyboardEvent the composer reads. */
export interface ComposerKey {
  key: string;
  code?: string;
  shiftKey?: boolean;
  ctrlKey?: boolean;
  altKey?: boolean;
  metaKey?: boolean;
  isComposing?: boolean;
  keyCode?: number;
}

export interface Composition {
  /** The Latin letters typed so far. */
  latin: string;
  /** Never empty. */
  candidates: readonly PhoneticCandidate[];
  /** Index of the candidate Space/Enter would commit. */
  selected: number;
}

export interface ComposerResult {
  /**
   * True: the host must swallow the key (preventDefault). False: the host inserts `insert`
   * and then lets the key do its normal work (type a space, a newline, a bracket…).
   */
  handled: boolean;
  /**
   * Text to put where the composition is (replacing its Latin if the host shows it inline),
   * or at the cursor; '' for nothing.
   */
  insert: string;
  /** The composition after this key; null when none is open. */
  composition: Composition | null;
}

export interface ComposerOptions {
  /** The program's names, for candidates (return the same array until the names change). */
  names?: () => readonly string[];
  /** Digits stay 0–9 instead of ०–९. */
  latinDigits?: () => boolean;
  /** Latin typing inside texts and comments to begin with (Alt+L switches it). */
  latinInText?: boolean;
}

/** The shortcut that switches Latin typing inside texts and comments: Alt/Option + L. */
export const LATIN_IN_TEXT_SHORTCUT = { code: 'KeyL', altKey: true } as const;

const IME_PROCESS_KEY_CODE = 229;
const MODIFIER_KEYS = new Set([
  'Shift',
  'Control',
  'Alt',
  'AltGraph',
  'Meta',
  'OS',
  'CapsLock',
  'NumLock',
  'ScrollLock',
  'Fn',
  'FnLock',
  'Hyper',
  'Super',
  'Symbol',
  'SymbolLock',
]);
const LETTER = /^[A-Za-z]$/;
const DIGIT = /^[0-9]$/;

export class PhoneticComposer {
  private latin = '';
  private candidates: readonly PhoneticCandidate[] = [];
  private selected = 0;
  private latinInTextOn: boolean;
  private context: TypingContext = 'code';

  constructor(private readonly options: ComposerOptions = {}) {
    this.latinInTextOn = options.latinInText ?? false;
  }

  /** The open composition, or null. */
  get composition(): Composition | null {
    return this.latin === '' ? null : { latin: this.latin, candidates: this.candidates, selected: this.selected };
  }

  /** Whether letters typed inside texts and comments stay Latin. */
  get latinInText(): boolean {
    return this.latinInTextOn;
  }

  set latinInText(on: boolean) {
    this.latinInTextOn = on;
  }

  /** One key press, typed where `context` says (the host knows whether it is in a text). */
  key(event: ComposerKey, context: TypingContext = 'code'): ComposerResult {
    if (
      event.isComposing ||
      event.keyCode === IME_PROCESS_KEY_CODE ||
      event.key === 'Process' ||
      event.key === 'Dead'
    ) {
      return this.pass();
    }
    if (MODIFIER_KEYS.has(event.key)) return this.pass();
    if (this.latin !== '' && context !== this.context) this.recompute(context);
    this.context = context;

    if (isLatinInTextShortcut(event)) {
      const insert = this.takeSelected();
      this.latinInTextOn = !this.latinInTextOn;
      return this.result(true, insert);
    }
    const shortcut = event.metaKey || (event.ctrlKey && !event.altKey) || (event.altKey && !event.ctrlKey);
    if (shortcut) return this.result(false, this.takeSelected());

    const latinHere = context !== 'code' && this.latinInTextOn;
    if (LETTER.test(event.key)) {
      if (latinHere) return this.pass();
      this.latin += event.key;
      this.recompute(context);
      return this.result(true, '');
    }
    if (DIGIT.test(event.key)) return this.digit(Number(event.key), latinHere);
    if (this.latin === '') return this.pass();

    switch (event.key) {
      case 'Backspace':
        this.latin = this.latin.slice(0, -1);
        this.recompute(context);
        return this.result(true, '');
      case 'Escape': {
        const latin = this.latin;
        this.clear();
        return this.result(true, latin);
      }
      case 'Tab':
        if (this.candidates.length === 1) return this.result(true, this.takeSelected());
        this.move(event.shiftKey ? -1 : 1);
        return this.result(true, '');
      case 'ArrowDown':
        this.move(1);
        return this.result(true, '');
      case 'ArrowUp':
        this.move(-1);
        return this.result(true, '');
      default:
        // Space, Enter, punctuation, operators, other characters and navigation keys.
        return this.result(false, this.takeSelected());
    }
  }

  /** Commits the selected candidate (the host calls it on blur, a click, a cursor move). */
  commit(): string {
    return this.takeSelected();
  }

  /** Commits candidate `index` (a click in the list); '' when there is no such candidate. */
  choose(index: number): string {
    const candidate = this.candidates[index];
    if (this.latin === '' || !candidate) return '';
    this.clear();
    return candidate.text;
  }

  /** Drops the composition without typing anything. */
  cancel(): void {
    this.clear();
  }

  private digit(value: number, latinHere: boolean): ComposerResult {
    const typed = latinHere || this.options.latinDigits?.() ? String(value) : DEVANAGARI_DIGITS[value];
    if (this.latin !== '' && value >= 1 && value <= this.candidates.length) {
      return this.result(true, this.choose(value - 1));
    }
    if (latinHere && this.latin === '') return this.pass();
    return this.result(true, this.takeSelected() + typed);
  }

  private recompute(context: TypingContext) {
    if (this.latin === '') {
      this.clear();
      return;
    }
    this.candidates = phoneticCandidates(
      this.latin,
      {
        names: this.options.names?.(),
        context,
        latinDigits: this.options.latinDigits?.() ?? false,
      },
      MAX_CANDIDATES,
    );
    this.selected = 0;
  }

  private move(step: number) {
    const n = this.candidates.length;
    this.selected = (this.selected + step + n) % n;
  }

  private takeSelected(): string {
    if (this.latin === '') return '';
    const text = this.candidates[this.selected]?.text ?? this.latin;
    this.clear();
    return text;
  }

  private clear() {
    this.latin = '';
    this.candidates = [];
    this.selected = 0;
  }

  private pass(): ComposerResult {
    return this.result(false, '');
  }

  private result(handled: boolean, insert: string): ComposerResult {
    return { handled, insert, composition: this.composition };
  }
}

function isLatinInTextShortcut(event: ComposerKey): boolean {
  return (
    event.code === LATIN_IN_TEXT_SHORTCUT.code &&
    event.altKey === true &&
    !event.ctrlKey &&
    !event.metaKey &&
    !event.shiftKey
  );
}
