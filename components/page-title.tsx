'use client';
// Keeps the document's title in the interface language. Next.js writes the page's metadata title
// (Nepali) on the first render and again on each client navigation, possibly after this
// component's effect: an observer of <head> puts the visitor's language back whenever the title
// changes while the page is shown.
import { useEffect } from 'react';
import { usePreferences } from '@/components/preferences';
import { documentTitle, type PageName } from '@/lib/i18n/titles';

export function PageTitle({ name }: { name: PageName }) {
  const { lang } = usePreferences();
  const wanted = documentTitle(lang, name);
  useEffect(() => {
    const apply = () => {
      if (document.title !== wanted) document.title = wanted;
    };
    apply();
    const observer = new MutationObserver(apply);
    observer.observe(document.head, { childList: true, subtree: true, characterData: true });
    return () => observer.disconnect();
  }, [wanted]);
  return null;
}
