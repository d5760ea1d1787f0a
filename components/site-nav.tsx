'use client';
import Link from 'next/link';
import { usePathname } from 'next/navigation';
import { usePreferences } from '@/components/preferences';

const LINKS = [
  { href: '/', key: 'nav.ide' },
  { href: '/examples', key: 'nav.examples' },
  { href: '/guide', key: 'nav.guide' },
] as const;

// No prefetch: every page renders per request (CSP nonce), so a prefetch buys little and costs
// the server a render of each linked page while the IDE's first screen is loading.
export function SiteNav() {
  const { t } = usePreferences();
  const pathname = usePathname();
  return (
    <nav aria-label={t('nav.main')} className="site-nav">
      {LINKS.map((l) => (
        <Link key={l.href} href={l.href} prefetch={false} aria-current={pathname === l.href ? 'page' : undefined}>
          {t(l.key)}
        </Link>
      ))}
    </nav>
  );
}
