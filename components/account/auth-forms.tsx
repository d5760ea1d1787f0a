'use client';
// Sign-in and sign-up forms. Sign-in goes through next-auth's credentials route; sign-up posts
// to /api/signup and then signs in. After either, a full page load so every part of the page
// (the header's menu included) sees the new session.
import '@/components/zod-without-eval'; // first: before any zod schema is made
import Link from 'next/link';
import { useState, type FormEvent } from 'react';
import { signIn } from 'next-auth/react';
import { useAccountStrings, type AccountStringKey } from './strings';
import { MIN_PASSWORD } from '@/lib/validations/auth';
import { NepaliInput } from '@/components/input/nepali-text-field';
import { safeCallback } from './callback';
import { usePreferences } from '@/components/preferences';
import { serverMessage } from '@/components/share/api';


function errorFor(code: string | null | undefined): AccountStringKey | null {
  if (!code) return null;
  if (code === 'RateLimited') return 'tooMany';
  if (code === 'CredentialsSignin') return 'wrongCredentials';
  if (code === 'OAuthAccountNotLinked') return 'oauthNotLinked';
  return 'failed';
}

type Provider = { id: 'github' | 'google'; name: string };

async function passwordSignIn(email: string, password: string): Promise<AccountStringKey | null> {
  const res = await signIn('credentials', { email, password, redirect: false });
  if (!res) return 'failed';
  if (res.status === 429) return 'tooMany';
  if (res.error) return errorFor(res.error);
  return res.ok ? null : 'failed';
}

export function SignInForm({ providers, callbackUrl, initialError }: { providers: Provider[]; callbackUrl?: string; initialError?: string }) {
  const s = useAccountStrings();
  const [error, setError] = useState<AccountStringKey | null>(errorFor(initialError));
  const [busy, setBusy] = useState(false);
  const target = safeCallback(callbackUrl);

  async function onSubmit(e: FormEvent<HTMLFormElement>) {
    e.preventDefault();
    const form = new FormData(e.currentTarget);
    setBusy(true);
    const err = await passwordSignIn(String(form.get('email') ?? ''), String(form.get('password') ?? ''));
    if (err) {
      setBusy(false);
      setError(err);
    } else {
      window.location.assign(target);
    }
  }

  return (
    <div className="auth-card">
      <h1>{s('signIn')}</h1>
      <form onSubmit={onSubmit} className="auth-form" data-testid="signin-form">
        <label>{s('email')}<input name="email" type="email" autoComplete="email" required data-testid="signin-email" /></label>
        <label>{s('password')}<input name="password" type="password" autoComplete="current-password" required data-testid="signin-password" /></label>
        {error && <p className="alert" role="alert" data-testid="auth-error">{s(error)}</p>}
        <button type="submit" className="button button-primary" disabled={busy} data-testid="signin-submit">{s('signIn')}</button>
      </form>
      {providers.length > 0 && (
        <div className="auth-oauth">
          <span>{s('orWith')}</span>
          {providers.map((p) => (
            <button key={p.id} type="button" className="button" data-testid={`signin-${p.id}`}
              onClick={() => void signIn(p.id, { callbackUrl: target })}>
              {p.name}
            </button>
          ))}
        </div>
      )}
      <p>{s('noAccount')} <Link href={`/signup${target !== '/' ? `?callbackUrl=${encodeURIComponent(target)}` : ''}`}>{s('signUp')}</Link></p>
    </div>
  );
}

export function SignUpForm({ callbackUrl }: { callbackUrl?: string }) {
  const s = useAccountStrings();
  const { lang } = usePreferences();
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const target = safeCallback(callbackUrl);

  async function onSubmit(e: FormEvent<HTMLFormElement>) {
    e.preventDefault();
    const form = new FormData(e.currentTarget);
    const email = String(form.get('email') ?? '');
    const password = String(form.get('password') ?? '');
    const name = String(form.get('name') ?? '').trim();
    setBusy(true);
    setError(null);
    const res = await fetch('/api/signup', {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ email, password, ...(name ? { name } : {}) }),
    }).catch(() => null);
    if (!res || res.status !== 201) {
      setBusy(false);
      const body = await res?.json().catch(() => null);
      if (res?.status === 409) setError(s('emailTaken'));
      else if (res?.status === 429) setError(s('tooMany'));
      // The server says why, in both languages (a weak password: which rule it breaks).
      else if (res?.status === 400) setError(serverMessage(body, lang) ?? s('invalid') + (body?.error ?? ''));
      else setError(s('failed'));
      return;
    }
    const err = await passwordSignIn(email, password);
    if (err) {
      setBusy(false);
      setError(s(err));
    } else {
      window.location.assign(target);
    }
  }

  return (
    <div className="auth-card">
      <h1>{s('signUp')}</h1>
      <form onSubmit={onSubmit} className="auth-form" data-testid="signup-form">
        <label>{s('name')}<NepaliInput name="name" autoComplete="name" maxLength={80} data-testid="signup-name" /></label>
        <label>{s('email')}<input name="email" type="email" autoComplete="email" required data-testid="signup-email" /></label>
        <label>{s('password')} <small>({s('passwordHint')})</small>
          <input name="password" type="password" autoComplete="new-password" required minLength={MIN_PASSWORD} data-testid="signup-password" />
        </label>
        {error && <p className="alert" role="alert" data-testid="auth-error">{error}</p>}
        <button type="submit" className="button button-primary" disabled={busy} data-testid="signup-submit">{s('signUp')}</button>
      </form>
      <p>{s('haveAccount')} <Link href={`/signin${target !== '/' ? `?callbackUrl=${encodeURIComponent(target)}` : ''}`}>{s('signIn')}</Link></p>
    </div>
  );
}
