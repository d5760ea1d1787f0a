// The header of every page: the name, the main links, the language and theme switches.
// The accounts part adds its user menu in the slot marked below.
import Link from 'next/link';
import { T } from '@/components/preferences';
import { SiteNav } from '@/components/site-nav';
import { ThemeSwitch } from '@/components/theme-switch';
import { UiLanguageSwitch } from '@/components/ui-language-switch';
import { UserMenu } from '@/components/account/user-menu';

export function SiteHeader() {
  return (
    <header className="site-header">
      <Link href="/" className="site-name" prefetch={false}>
        <span lang="ne">सजिलो</span>
        <span className="site-tagline">
          <T k="site.tagline" />
        </span>
      </Link>
      <SiteNav />
      <div className="site-actions">
        <UiLanguageSwitch />
        <ThemeSwitch />
        <UserMenu />
      </div>
    </header>
  );
}
