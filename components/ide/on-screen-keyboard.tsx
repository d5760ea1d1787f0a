'use client';
// The on-screen keyboard: shows the active layout (lib/keyboard's rows) and types when a key
// is clicked or tapped. Buttons keep the editor's focus (mousedown is not allowed to steal it).
import { useMemo, useState } from 'react';
import { keyboardRows } from '@/lib/keyboard';
import { usePreferences } from '@/components/preferences';
import type { LayoutChoice } from '@/components/ide/layout-choice';

export interface OnScreenKeyboardProps {
  id: string;
  layout: LayoutChoice;
  onType: (text: string) => void;
  onBackspace: () => void;
}

const keepFocus = (e: React.MouseEvent) => e.preventDefault();

export function OnScreenKeyboard({ id, layout, onType, onBackspace }: OnScreenKeyboardProps) {
  const { t } = usePreferences();
  const [shift, setShift] = useState(false);
  const rows = useMemo(() => keyboardRows(layout), [layout]);
  const level = shift ? 'shift' : 'base';

  return (
    <div id={id} className="osk" role="group" aria-label={t('keyboard.panel')} data-testid="on-screen-keyboard" data-layout={layout}>
      {layout === 'off' && <p className="ide-status">{t('keyboard.offNotice')}</p>}
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
                onType(key.output[level]);
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
        <button type="button" className="osk-key osk-key-wide" aria-pressed={shift} onMouseDown={keepFocus} onClick={() => setShift((s) => !s)}>
          ⇧ <small>{t('keyboard.shift')}</small>
        </button>
        <button type="button" className="osk-key osk-key-space" onMouseDown={keepFocus} onClick={() => onType(' ')}>
          {t('keyboard.space')}
        </button>
        <button type="button" className="osk-key osk-key-wide" onMouseDown={keepFocus} onClick={() => onType('\n')} aria-label={t('keyboard.enter')}>
          ⏎
        </button>
        <button type="button" className="osk-key osk-key-wide" onMouseDown={keepFocus} onClick={onBackspace} aria-label={t('keyboard.backspace')}>
          ⌫
        </button>
      </div>
    </div>
  );
}
