'use client';
import { usePreferences } from '@/components/preferences';

/** Text given in both languages by a server component, shown in the visitor's UI language. */
export function Localized({ ne, en }: { ne: string; en: string }) {
  const { lang } = usePreferences();
  return <span lang={lang}>{lang === 'ne' ? ne : en}</span>;
}
