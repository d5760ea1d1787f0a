'use client';
// The header's account menu: sign-in/sign-up links when signed out; the user's name, their
// programs and sign-out when signed in. Reads next-auth's /api/auth/session.
import Link from 'next/link';
import { useEffect, useState } from 'react';
import { signOut } from 'next-auth/react';
import './account.css';
import { usePreferences } from '@/components/preferences';

type SessionUser = { name?: string | null; email?: string | null };

export function UserMenu() {
  const { t } = usePreferences();
  const [user, setUser] = useState<SessionUser | null | undefined>(undefined);

  useEffect(() => {
    let live = true;
    fetch('/api/auth/session', { cache: 'no-store' })
      .then((r) => (r.ok ? (r.json() as Promise<{ user?: SessionUser } | null>) : null))
      .then((session) => {
        if (live) setUser(session?.user ?? null);
      })
      .catch(() => {
        if (live) setUser(null);
      });
    return () => {
      live = false;
    };
  }, []);

  if (user === undefined) return <div className="user-menu" data-testid="user-menu" aria-busy="true" />;
  if (!user) {
    return (
      <div className="user-menu" data-testid="user-menu" data-signed-in="false">
        <Link href="/signin" prefetch={false} className="button button-quiet" data-testid="signin-link">
          {t('account.signIn')}
        </Link>
        <Link href="/signup" prefetch={false} className="button" data-testid="signup-link">
          {t('account.signUp')}
        </Link>
      </div>
    );
  }
  return (
    <div className="user-menu" data-testid="user-menu" data-signed-in="true">
      <Link href="/me" prefetch={false} className="button button-quiet" data-testid="my-programs-link">
        <span className="user-menu-name" data-testid="user-name" data-user-content>
          {user.name || user.email}
        </span>
        <span className="user-menu-programs"> · {t('account.myPrograms')}</span>
      </Link>
      <button
        type="button"
        className="button button-quiet"
        data-testid="signout-button"
        onClick={() => void signOut({ callbackUrl: '/' })}
      >
        {t('account.signOut')}
      </button>
    </div>
  );
}
