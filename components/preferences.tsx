'use client';
// The visitor's interface preferences: UI language (Nepali by default) and theme, remembered
// in localStorage. An inline script in the layout applies them to <html> before the first paint
// (components/preferences-boot.ts: it must not come from this client module).
//
// The server renders every page in the default language. Each component reads the preferences
// through useSyncExternalStore, whose server snapshot is that default: a component hydrates with
// the server's text, then renders again in the visitor's language. A context set once by a
// provider is not enough: parts of a page that hydrate later (a streamed segment, a Suspense
// boundary) would hydrate with the visitor's language against the server's Nepali HTML, and React
// reports the mismatch (error #418).
import { useEffect, useMemo, useSyncExternalStore, type ReactNode } from 'react';
import { DEFAULT_UI_LANGUAGE, isUiLanguage, translate, type StringKey, type UiLanguage } from '@/lib/i18n/strings';
import { LANGUAGE_STORAGE_KEY, THEME_STORAGE_KEY } from '@/components/preferences-boot';

export type Theme = 'light' | 'dark';

interface Preferences {
  lang: UiLanguage;
  setLang: (lang: UiLanguage) => void;
  theme: Theme;
  setTheme: (theme: Theme) => void;
  t: (key: StringKey, vars?: Record<string, string | number>) => string;
}

type Chosen = Readonly<{ lang: UiLanguage; theme: Theme }>;

/** What the server renders with (it cannot see the visitor's storage). */
const SERVER_CHOICE: Chosen = { lang: DEFAULT_UI_LANGUAGE, theme: 'light' };

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

let chosen: Chosen | null = null;
const listeners = new Set<() => void>();

/** The visitor's choice: read from storage once (the theme falls back to the system's), then
 *  kept here; the same object until it changes, as useSyncExternalStore requires. */
function currentChoice(): Chosen {
  if (!chosen) {
    const lang = readStored(LANGUAGE_STORAGE_KEY);
    const theme = readStored(THEME_STORAGE_KEY);
    const system = window.matchMedia?.('(prefers-color-scheme: dark)').matches ? 'dark' : 'light';
    chosen = {
      lang: isUiLanguage(lang) ? lang : DEFAULT_UI_LANGUAGE,
      theme: theme === 'dark' || theme === 'light' ? theme : system,
    };
  }
  return chosen;
}
const serverChoice = () => SERVER_CHOICE;
function subscribe(onChange: () => void) {
  listeners.add(onChange);
  return () => {
    listeners.delete(onChange);
  };
}
function choose(change: Partial<Chosen>) {
  chosen = { ...currentChoice(), ...change };
  for (const onChange of listeners) onChange();
}

function setLang(lang: UiLanguage) {
  store(LANGUAGE_STORAGE_KEY, lang);
  choose({ lang });
}
function setTheme(theme: Theme) {
  store(THEME_STORAGE_KEY, theme);
  choose({ theme });
}

export function usePreferences(): Preferences {
  const { lang, theme } = useSyncExternalStore(subscribe, currentChoice, serverChoice);
  return useMemo(
    () => ({ lang, setLang, theme, setTheme, t: (key, vars) => translate(lang, key, vars) }),
    [lang, theme],
  );
}

/** Keeps <html>'s lang and data-theme on the visitor's choice. They are written from the choice
 *  itself, not from a render's value: while the page hydrates, renders see the server's default,
 *  and writing that would flash the light theme. (A client render of the root also re-creates
 *  <html> from the layout's props, data-theme="light": the effect puts the choice back.) */
export function PreferencesProvider({ children }: { children: ReactNode }) {
  const { lang, theme } = usePreferences();
  useEffect(() => {
    const now = currentChoice();
    document.documentElement.lang = now.lang;
    document.documentElement.dataset.theme = now.theme;
  }, [lang, theme]);
  return <>{children}</>;
}

/** A translated string, for server components that cannot call the hook. */
export function T({ k, vars }: { k: StringKey; vars?: Record<string, string | number> }) {
  const { t } = usePreferences();
  return <>{t(k, vars)}</>;
}
