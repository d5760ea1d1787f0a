import type { Metadata } from 'next';
import { Ide } from '@/components/ide/ide';
import { codeKey, MAX_TRY_CODE_CHARS } from './link';

export const metadata: Metadata = { title: 'चलाएर हेर्नुहोस् · Try it' };

// Opens the code given in ?code= (from the guide's examples) in the IDE, with its own draft.
export default async function TryPage({ searchParams }: { searchParams: Promise<{ code?: string | string[] }> }) {
  const raw = (await searchParams).code;
  const code = (Array.isArray(raw) ? raw[0] : (raw ?? '')).slice(0, MAX_TRY_CODE_CHARS);
  return (
    <Ide initialSource={code.endsWith('\n') || !code ? code : `${code}\n`} draftKey={`draft:try:${codeKey(code)}`} />
  );
}
