'use client';
// The keyboard layout switch: always shows the active layout; Alt+K cycles it too.
import { usePreferences } from '@/components/preferences';
import { LAYOUT_CHOICES, type LayoutChoice } from '@/components/ide/layout-choice';
import type { StringKey } from '@/lib/i18n/strings';

const LABEL: Record<LayoutChoice, StringKey> = {
  phonetic: 'keyboard.phonetic',
  'nepali-romanized': 'keyboard.romanized',
  'nepali-traditional': 'keyboard.traditional',
  off: 'keyboard.off',
};

export function layoutLabelKey(layout: LayoutChoice): StringKey {
  return LABEL[layout];
}

export function LayoutSwitch({ value, onChange }: { value: LayoutChoice; onChange: (l: LayoutChoice) => void }) {
  const { t } = usePreferences();
  return (
    <fieldset
      className="layout-switch"
      data-testid="layout-switch"
      data-layout={value}
      title={t('keyboard.switchHint')}
    >
      <legend>{t('keyboard.layout')}</legend>
      {LAYOUT_CHOICES.map((l) => (
        <label key={l}>
          <input type="radio" name="keyboard-layout" value={l} checked={value === l} onChange={() => onChange(l)} />
          <span>{t(LABEL[l])}</span>
        </label>
      ))}
    </fieldset>
  );
}
