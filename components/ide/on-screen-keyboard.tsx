'use client';
// The on-screen keyboard: a row of the language's symbols, the active layout (lib/keyboard's
// rows; Latin letters in phonetic mode, which go through the same composer as real keys) and
// Space/Enter/Backspace. Buttons keep the editor's focus (mousedown may not steal it).
import { useMemo, useState } from 'react';
import { keyboardRows } from '@/lib/keyboard';
import { usePreferences } from '@/components/preferences';
import type { LayoutChoice } from '@/components/ide/layout-choice';

export interface OnScreenKeyboardProps {
  id: string;
  layout: LayoutChoice;
  onType: (text: string) => void;
  /** A key through the input engine ('a', '<', ' ', 'Enter', 'Backspace'): phonetic mode. */
  onKey: (key: string) => void;
  onBackspace: () => void;
}

/** Sajilo's operators, brackets and punctuation, in one row that scrolls sideways if narrow. */
export const SYMBOL_KEYS: readonly string[] = [
  '(',
  ')',
  '[',
  ']',
  '{',
  '}',
  '"',
  ',',
  '.',
  ':',
  ';',
  '<',
  '>',
  '=',
  '!',
  '+',
  '-',
  '*',
  '/',
  '%',
  '#',
  '\\',
];

const keepFocus = (e: React.MouseEvent) => e.preventDefault();

export function OnScreenKeyboard({ id, layout, onType, onKey, onBackspace }: OnScreenKeyboardProps) {
  const { t } = usePreferences();
  const [shift, setShift] = useState(false);
  const rows = useMemo(() => keyboardRows(layout), [layout]);
  const level = shift ? 'shift' : 'base';
  const phonetic = layout === 'phonetic';
  /** Text of a key: through the composer in phonetic mode, typed as it is otherwise. */
  const press = (text: string) => (phonetic ? onKey(text) : onType(text));

  return (
    <div
      id={id}
      className="osk"
      role="group"
      aria-label={t('keyboard.panel')}
      data-testid="on-screen-keyboard"
      data-layout={layout}
    >
      {layout === 'off' && <p className="ide-status">{t('keyboard.offNotice')}</p>}
      <div className="osk-row osk-symbols" role="group" aria-label={t('keyboard.symbols')} data-testid="osk-symbols">
        {SYMBOL_KEYS.map((symbol) => (
          <button
            key={symbol}
            type="button"
            className="osk-key osk-symbol"
            data-symbol={symbol}
            onMouseDown={keepFocus}
            onClick={() => press(symbol)}
          >
            {symbol}
          </button>
        ))}
      </div>
      {rows.map((row, i) => (
        <div className="osk-row" key={i}>
          {row.map((key) => (
            <button
              key={key.code}
              type="button"
              className="osk-key"
              data-code={key.code}
              aria-label={`${key.output[level]} (${key.physicalLabel})`}
              onMouseDown={keepFocus}
              onClick={() => {
                press(key.output[level]);
                if (shift) setShift(false);
              }}
            >
              <span>{key.label[level]}</span>
              <small aria-hidden="true">{key.physicalLabel}</small>
            </button>
          ))}
        </div>
      ))}
      <div className="osk-row">
        <button
          type="button"
          className="osk-key osk-key-wide"
          aria-pressed={shift}
          onMouseDown={keepFocus}
          onClick={() => setShift((s) => !s)}
        >
          ⇧ <small>{t('keyboard.shift')}</small>
        </button>
        <button type="button" className="osk-key osk-key-space" onMouseDown={keepFocus} onClick={() => press(' ')}>
          {t('keyboard.space')}
        </button>
        <button
          type="button"
          className="osk-key osk-key-wide"
          onMouseDown={keepFocus}
          onClick={() => (phonetic ? onKey('Enter') : onType('\n'))}
          aria-label={t('keyboard.enter')}
        >
          ⏎
        </button>
        <button
          type="button"
          className="osk-key osk-key-wide"
          onMouseDown={keepFocus}
          onClick={() => (phonetic ? onKey('Backspace') : onBackspace())}
          aria-label={t('keyboard.backspace')}
        >
          ⌫
        </button>
      </div>
    </div>
  );
}
