export type UiLanguage = 'ne' | 'en';

/** Picks the text for the UI language from a Nepali/English pair. */
export function pick(uiLanguage: UiLanguage, ne: string, en: string): string {
  return uiLanguage === 'en' ? en : ne;
}
