'use client';
// Whether someone is signed in, from next-auth's /api/auth/session (undefined until known), for
// pages that are the same for everyone on the server (the home page).
import { useEffect, useState } from 'react';

export function useSignedIn(): boolean | undefined {
  const [signedIn, setSignedIn] = useState<boolean | undefined>(undefined);
  useEffect(() => {
    let live = true;
    fetch('/api/auth/session', { cache: 'no-store' })
      .then((r) => (r.ok ? r.json() : null))
      .then((session) => {
        if (live) setSignedIn(!!session?.user);
      })
      .catch(() => {
        if (live) setSignedIn(false);
      });
    return () => {
      live = false;
    };
  }, []);
  return signedIn;
}
