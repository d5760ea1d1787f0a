'use client';
import Link from 'next/link';
import { usePathname } from 'next/navigation';
import { usePreferences } from '@/components/preferences';

const LINKS = [
  { href: '/', key: 'nav.ide' },
  { href: '/examples', key: 'nav.examples' },
  { href: '/guide', key: 'nav.guide' },
] as const;

export function SiteNav() {
  const { t } = usePreferences();
  const pathname = usePathname();
  return (
    <nav aria-label={t('nav.main')} className="site-nav">
      {LINKS.map((l) => (
        <Link key={l.href} href={l.href} aria-current={pathname === l.href ? 'page' : undefined}>{t(l.key)}</Link>
      ))}
    </nav>
  );
}
