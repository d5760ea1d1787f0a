'use client';
import { usePreferences } from '@/components/preferences';

/** Switches the interface between Nepali and English. */
export function UiLanguageSwitch() {
  const { lang, setLang, t } = usePreferences();
  const next = lang === 'ne' ? 'en' : 'ne';
  return (
    <button
      type="button"
      className="button button-quiet"
      data-testid="ui-language-switch"
      aria-label={t('ui.languageSwitch')}
      title={t('ui.languageSwitch')}
      lang={next}
      onClick={() => setLang(next)}
    >
      {t('ui.languageSwitchShort')}
    </button>
  );
}
