'use client';
// The visitor's interface preferences: UI language (Nepali by default) and theme, remembered
// in localStorage. An inline script in the layout applies them before the first paint.
import { createContext, useCallback, useContext, useEffect, useMemo, useState, type ReactNode } from 'react';
import { DEFAULT_UI_LANGUAGE, isUiLanguage, translate, type StringKey, type UiLanguage } from '@/lib/i18n/strings';

export type Theme = 'light' | 'dark';
export const LANGUAGE_STORAGE_KEY = 'sajilo:ui-language';
export const THEME_STORAGE_KEY = 'sajilo:theme';

interface Preferences {
  lang: UiLanguage;
  setLang: (lang: UiLanguage) => void;
  theme: Theme;
  setTheme: (theme: Theme) => void;
  t: (key: StringKey, vars?: Record<string, string | number>) => string;
}

const PreferencesContext = createContext<Preferences | null>(null);

function readStored(key: string): string | null {
  try {
    return window.localStorage.getItem(key);
  } catch {
    return null;
  }
}
function store(key: string, value: string) {
  try {
    window.localStorage.setItem(key, value);
  } catch {
    /* private mode: not remembered */
  }
}

export function PreferencesProvider({ children }: { children: ReactNode }) {
  const [lang, setLangState] = useState<UiLanguage>(DEFAULT_UI_LANGUAGE);
  const [theme, setThemeState] = useState<Theme>('light');

  useEffect(() => {
    const l = readStored(LANGUAGE_STORAGE_KEY);
    if (isUiLanguage(l)) setLangState(l);
    // The remembered theme comes from storage, not from <html>: when React renders the root on
    // the client again (it re-creates <html> from the layout's props, data-theme="light"), the
    // boot script's attribute is gone, and reading it back would forget a dark choice.
    const stored = readStored(THEME_STORAGE_KEY);
    const system = window.matchMedia?.('(prefers-color-scheme: dark)').matches ? 'dark' : 'light';
    setThemeState(stored === 'dark' || stored === 'light' ? stored : system);
  }, []);

  const setLang = useCallback((l: UiLanguage) => {
    setLangState(l);
    store(LANGUAGE_STORAGE_KEY, l);
  }, []);
  const setTheme = useCallback((th: Theme) => {
    setThemeState(th);
    store(THEME_STORAGE_KEY, th);
  }, []);

  useEffect(() => {
    document.documentElement.lang = lang;
  }, [lang]);
  useEffect(() => {
    document.documentElement.dataset.theme = theme;
  }, [theme]);

  const value = useMemo<Preferences>(
    () => ({
      lang,
      setLang,
      theme,
      setTheme,
      t: (key, vars) => translate(lang, key, vars),
    }),
    [lang, setLang, theme, setTheme],
  );
  return <PreferencesContext.Provider value={value}>{children}</PreferencesContext.Provider>;
}

export function usePreferences(): Preferences {
  const p = useContext(PreferencesContext);
  if (!p) throw new Error('usePreferences outside PreferencesProvider');
  return p;
}

/** A translated string, for server components that cannot call the hook. */
export function T({ k, vars }: { k: StringKey; vars?: Record<string, string | number> }) {
  const { t } = usePreferences();
  return <>{t(k, vars)}</>;
}

/** Runs before hydration: applies the remembered theme (or the system's) and language. */
export const PREFERENCES_BOOT_SCRIPT = `(function(){try{var d=document.documentElement;var t=localStorage.getItem('${THEME_STORAGE_KEY}');if(t!=='light'&&t!=='dark'){t=window.matchMedia&&matchMedia('(prefers-color-scheme: dark)').matches?'dark':'light'}d.dataset.theme=t;var l=localStorage.getItem('${LANGUAGE_STORAGE_KEY}');if(l==='en'||l==='ne')d.lang=l}catch(e){}})();`;
