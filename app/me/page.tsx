// /me: the signed-in user's programs (title, preview line, updated, size), with open, rename,
// duplicate and delete with undo.
import type { Metadata } from 'next';
import { redirect } from 'next/navigation';
import { getDb } from '@/lib/db';
import { listSnippets, toMySnippet } from '@/lib/snippets';
import { currentUser } from '@/lib/auth/server';
import { SnippetList } from '@/components/account/snippet-list';
import { titleMetadata } from '@/lib/i18n/titles';
import { PageTitle } from '@/components/page-title';

export const dynamic = 'force-dynamic';
const NAME = { key: 'account.myPrograms' } as const;
export const metadata: Metadata = { title: titleMetadata(NAME), robots: { index: false } };

export default async function MyProgramsPage() {
  const user = await currentUser();
  if (!user) redirect('/signin?callbackUrl=/me');
  const list = await listSnippets(await getDb(), user.id);
  return (
    <div className="page">
      <PageTitle name={NAME} />
      <SnippetList userName={user.name || user.email || ''} initial={list.map(toMySnippet)} />
    </div>
  );
}
