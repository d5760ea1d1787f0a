'use client';
// The IDE on a share page /s/<id>: the program with its save model (program-ide.tsx).
import { ProgramIde, type SharedSnippet } from './program-ide';

export type { SharedSnippet };

export function SnippetIde({
  snippet,
  isOwner,
  signedIn,
}: {
  snippet: SharedSnippet;
  isOwner: boolean;
  signedIn: boolean;
}) {
  return <ProgramIde snippet={snippet} isOwner={isOwner} signedIn={signedIn} />;
}
