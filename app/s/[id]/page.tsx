// A shared program: /s/<id>. Anyone with the link can open, run and fork it; opening it never
// changes it. Link previews (OpenGraph, Twitter) show the title and the first lines of code.
import type { Metadata } from 'next';
import { notFound } from 'next/navigation';
import { headers } from 'next/headers';
import { cache } from 'react';
import { getDb } from '@/lib/db';
import { getSnippet } from '@/lib/snippets';
import { previewOf } from '@/lib/snippets/preview';
import { currentUser } from '@/lib/auth/server';
import { SnippetIde } from '@/components/share/snippet-ide';
import { publicOrigin } from '@/lib/http/origin';
import { titleMetadata } from '@/lib/i18n/titles';
import { translate } from '@/lib/i18n/strings';

export const dynamic = 'force-dynamic';

type Props = { params: Promise<{ id: string }> };

const load = cache(async (id: string) => getSnippet(await getDb(), id));

/** Absolute URLs in previews: the public origin (the setting, else this request's own; a
 *  client's X-Forwarded-Host counts only behind a trusted proxy). */
async function siteOrigin(): Promise<URL | null> {
  const origin = publicOrigin(await headers());
  return origin ? new URL(origin) : null;
}

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const { id } = await params;
  const s = await load(id);
  if (!s) return { title: titleMetadata({ key: 'notFound.title' }), robots: { index: false } };
  const title = s.title || translate('ne', 'title.program');
  const description = previewOf(s.source) || title;
  return {
    metadataBase: await siteOrigin(),
    title: titleMetadata(s.title ? { own: s.title } : { key: 'title.program' }), // as the page shows it (program-ide.tsx)
    description,
    openGraph: { title, description, type: 'article', url: `/s/${s.id}`, siteName: 'सजिलो — Sajilo' },
    twitter: { card: 'summary', title, description },
  };
}

export default async function SharedSnippetPage({ params }: Props) {
  const { id } = await params;
  const s = await load(id);
  if (!s) notFound();
  const user = await currentUser();
  return (
    <SnippetIde
      snippet={{
        id: s.id,
        title: s.title,
        source: s.source,
        stdin: s.stdin,
        latinDigits: s.latinDigits,
        version: s.version,
        ownerName: s.owner?.name ?? null,
        forkedFrom: s.forkedFrom,
      }}
      isOwner={!!user && user.id === s.ownerId}
      signedIn={!!user}
    />
  );
}
