'use client';
import { usePreferences } from '@/components/preferences';

/** Switches the interface between Nepali and English. Its name is the language it switches to,
 *  as shown (no aria-label that would say something else than the visible text). */
export function UiLanguageSwitch() {
  const { lang, setLang, t } = usePreferences();
  const next = lang === 'ne' ? 'en' : 'ne';
  return (
    <button
      type="button"
      className="button button-quiet"
      data-testid="ui-language-switch"
      title={t('ui.languageSwitch')}
      lang={next}
      onClick={() => setLang(next)}
    >
      {t('ui.languageSwitchShort')}
    </button>
  );
}
