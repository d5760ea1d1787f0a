// A page's document title in the interface language: "<page> · सजिलो" / "<page> · Sajilo", and the
// site's own name with its tagline on the home page. The server renders the Nepali title (the
// default language); components/page-title.tsx sets the visitor's language after hydration.
import type { Metadata } from 'next';
import { translate, type StringKey, type UiLanguage } from './strings';

/** A page's name: one of the interface's strings, a name in both languages (an example's), the
 *  visitor's own text (a program's title, the same in both), or none (the home page). */
export type PageName = { key: StringKey } | { ne: string; en: string } | { own: string } | null;

export function documentTitle(lang: UiLanguage, name: PageName): string {
  const site = translate(lang, 'site.name');
  if (!name) return `${site} — ${translate(lang, 'site.tagline')}`;
  const page = 'key' in name ? translate(lang, name.key) : 'own' in name ? name.own : name[lang];
  return `${page} · ${site}`;
}

/** The title for a page's metadata (the server's render, in Nepali). */
export function titleMetadata(name: PageName): Metadata['title'] {
  return { absolute: documentTitle('ne', name) };
}
