'use client';
// The main page's IDE: not linked to a program until it is saved (program-ide.tsx). The page is
// the same for everyone on the server, so whether someone is signed in is asked here.
import { useSignedIn } from '@/components/account/use-signed-in';
import { ProgramIde } from './program-ide';

export function HomeIde() {
  const signedIn = useSignedIn();
  return <ProgramIde snippet={null} isOwner={false} signedIn={signedIn} />;
}
