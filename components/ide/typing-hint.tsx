'use client';
// The first-screen lesson in typing: one line that says how a word is typed in the current
// mode, and the rule that gives code symbols (fixed layouts) or English letters in texts
// (phonetic).
import { usePreferences } from '@/components/preferences';
import type { LayoutChoice } from '@/components/ide/layout-choice';
import type { StringKey } from '@/lib/i18n/strings';

const HINT: Record<LayoutChoice, StringKey> = {
  phonetic: 'keyboard.phoneticHint',
  'nepali-romanized': 'keyboard.romanizedHint',
  'nepali-traditional': 'keyboard.traditionalHint',
  off: 'keyboard.offHint',
};

export function TypingHint({ layout, latinInText }: { layout: LayoutChoice; latinInText: boolean }) {
  const { t } = usePreferences();
  const rule: StringKey | null =
    layout === 'phonetic' ? 'keyboard.latinInText' : layout === 'off' ? null : 'keyboard.codeSymbolRule';
  return (
    <p className="typing-hint" data-testid="typing-hint" data-layout={layout}>
      <span>{t(HINT[layout])}</span>
      {rule && (
        <span className="typing-rule" data-testid="typing-rule">
          {t(rule)}
        </span>
      )}
      {layout === 'phonetic' && latinInText && (
        <span className="typing-badge" data-testid="latin-in-text">
          {t('keyboard.latinInTextOn')}
        </span>
      )}
    </p>
  );
}
