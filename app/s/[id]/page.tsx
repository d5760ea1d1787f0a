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

export const dynamic = 'force-dynamic';

type Props = { params: Promise<{ id: string }> };

const load = cache(async (id: string) => getSnippet(await getDb(), id));

/** Absolute URLs in previews: NEXTAUTH_URL when set, else the request's own host. */
async function siteOrigin(): Promise<URL | null> {
  if (process.env.NEXTAUTH_URL) return new URL(process.env.NEXTAUTH_URL);
  const h = await headers();
  const host = h.get('x-forwarded-host') ?? h.get('host');
  const proto = h.get('x-forwarded-proto') ?? 'http';
  try {
    return host ? new URL(`${proto}://${host}`) : null;
  } catch {
    return null;
  }
}

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const { id } = await params;
  const s = await load(id);
  if (!s) return { title: 'Not found', robots: { index: false } };
  const title = s.title || 'सजिलो प्रोग्राम';
  const description = previewOf(s.source) || title;
  return {
    metadataBase: await siteOrigin(),
    title,
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
        id: s.id, title: s.title, source: s.source, stdin: s.stdin, latinDigits: s.latinDigits,
        version: s.version, ownerName: s.owner?.name ?? null, forkedFrom: s.forkedFrom,
      }}
      isOwner={!!user && user.id === s.ownerId}
    />
  );
}
