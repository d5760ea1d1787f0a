import type { Metadata, Viewport } from 'next';
import type { ReactNode } from 'react';
import { headers } from 'next/headers';
// The Devanagari font ships with the app (no font CDN): the same shapes and caret positions everywhere.
import '@fontsource/noto-sans-devanagari/devanagari-400.css';
import '@fontsource/noto-sans-devanagari/devanagari-700.css';
import './globals.css';
import { PreferencesProvider, T } from '@/components/preferences';
// A plain module, not the client one: see there why.
import { PREFERENCES_BOOT_SCRIPT } from '@/components/preferences-boot';
import { SiteHeader } from '@/components/site-header';
import { EditorPreload } from '@/components/ide/editor-preload';
import { titleMetadata } from '@/lib/i18n/titles';

export const metadata: Metadata = {
  title: titleMetadata(null),
  description: 'नेपालीमा प्रोग्राम लेख्नुहोस् र चलाउनुहोस् — write and run programs in Nepali.',
};

export const viewport: Viewport = {
  width: 'device-width',
  initialScale: 1,
  themeColor: [
    { media: '(prefers-color-scheme: light)', color: '#fbfaf7' },
    { media: '(prefers-color-scheme: dark)', color: '#16181d' },
  ],
};

export default async function RootLayout({ children }: { children: ReactNode }) {
  // The per-request CSP nonce from proxy.ts (reading it also makes every page render per request).
  const nonce = (await headers()).get('x-nonce') ?? undefined;
  return (
    <html lang="ne" data-theme="light" suppressHydrationWarning>
      <head>
        <script nonce={nonce} dangerouslySetInnerHTML={{ __html: PREFERENCES_BOOT_SCRIPT }} />
      </head>
      <body>
        <EditorPreload />
        <PreferencesProvider>
          <a href="#main" className="skip-link">
            <T k="skip.toEditor" />
          </a>
          <SiteHeader />
          <main id="main" className="site-main">
            {children}
          </main>
        </PreferencesProvider>
      </body>
    </html>
  );
}
