'use client';
import { usePreferences } from '@/components/preferences';

/** Switches between the light and dark themes. */
export function ThemeSwitch() {
  const { theme, setTheme, t } = usePreferences();
  const toDark = theme === 'light';
  return (
    <button
      type="button"
      className="button button-quiet"
      data-testid="theme-switch"
      aria-label={t(toDark ? 'theme.toDark' : 'theme.toLight')}
      title={t(toDark ? 'theme.toDark' : 'theme.toLight')}
      aria-pressed={!toDark}
      onClick={() => setTheme(toDark ? 'dark' : 'light')}
    >
      <span aria-hidden="true">{toDark ? '☾' : '☀'}</span>
    </button>
  );
}
