import type { Metadata } from 'next';
import { Ide } from '@/components/ide/ide';
import { titleMetadata } from '@/lib/i18n/titles';
import { PageTitle } from '@/components/page-title';
import { codeKey, MAX_TRY_CODE_CHARS } from './link';

const NAME = { key: 'title.try' } as const;
export const metadata: Metadata = { title: titleMetadata(NAME) };

// Opens the code given in ?code= (from the guide's examples) in the IDE, with its own draft.
export default async function TryPage({ searchParams }: { searchParams: Promise<{ code?: string | string[] }> }) {
  const raw = (await searchParams).code;
  const code = (Array.isArray(raw) ? raw[0] : (raw ?? '')).slice(0, MAX_TRY_CODE_CHARS);
  return (
    <>
      <PageTitle name={NAME} />
      <Ide initialSource={code.endsWith('\n') || !code ? code : `${code}\n`} draftKey={`draft:try:${codeKey(code)}`} />
    </>
  );
}
