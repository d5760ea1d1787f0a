'use client';
// Sign-in and sign-up forms. Sign-in goes through next-auth's credentials route; sign-up posts
// to /api/signup and then signs in. After either, a full page load so every part of the page
// (the header's menu included) sees the new session.
import '@/components/zod-without-eval'; // first: before any zod schema is made
import Link from 'next/link';
import { useState, type FormEvent } from 'react';
import { signIn } from 'next-auth/react';
import { MIN_PASSWORD } from '@/lib/validations/auth';
import { NepaliInput } from '@/components/input/nepali-text-field';
import { safeCallback } from './callback';
import { usePreferences } from '@/components/preferences';
import { callApi, apiErrorMessage } from '@/lib/api/client';
import type { SignUpInput, SignedUp } from '@/lib/api/schemas';
import type { StringKey } from '@/lib/i18n/strings';

type AccountStringKey = Extract<StringKey, `account.${string}`>;

function errorFor(code: string | null | undefined): AccountStringKey | null {
  if (!code) return null;
  if (code === 'RateLimited') return 'account.tooMany';
  if (code === 'CredentialsSignin') return 'account.wrongCredentials';
  if (code === 'OAuthAccountNotLinked') return 'account.oauthNotLinked';
  return 'account.failed';
}

type Provider = { id: 'github' | 'google'; name: string };

async function passwordSignIn(email: string, password: string): Promise<AccountStringKey | null> {
  const res = await signIn('credentials', { email, password, redirect: false });
  if (!res) return 'account.failed';
  if (res.status === 429) return 'account.tooMany';
  if (res.error) return errorFor(res.error);
  return res.ok ? null : 'account.failed';
}

export function SignInForm({
  providers,
  callbackUrl,
  initialError,
}: {
  providers: Provider[];
  callbackUrl?: string;
  initialError?: string;
}) {
  const { t } = usePreferences();
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
      <h1>{t('account.signIn')}</h1>
      <form onSubmit={onSubmit} className="auth-form" data-testid="signin-form">
        <label>
          {t('account.email')}
          <input name="email" type="email" autoComplete="email" required data-testid="signin-email" />
        </label>
        <label>
          {t('account.password')}
          <input
            name="password"
            type="password"
            autoComplete="current-password"
            required
            data-testid="signin-password"
          />
        </label>
        {error && (
          <p className="alert" role="alert" data-testid="auth-error">
            {t(error)}
          </p>
        )}
        <button type="submit" className="button button-primary" disabled={busy} data-testid="signin-submit">
          {t('account.signIn')}
        </button>
      </form>
      {providers.length > 0 && (
        <div className="auth-oauth">
          <span>{t('account.orWith')}</span>
          {providers.map((p) => (
            <button
              key={p.id}
              type="button"
              className="button"
              data-testid={`signin-${p.id}`}
              onClick={() => void signIn(p.id, { callbackUrl: target })}
            >
              {p.name}
            </button>
          ))}
        </div>
      )}
      <p>
        {t('account.noAccount')}{' '}
        <Link href={`/signup${target !== '/' ? `?callbackUrl=${encodeURIComponent(target)}` : ''}`}>
          {t('account.signUp')}
        </Link>
      </p>
    </div>
  );
}

export function SignUpForm({ callbackUrl }: { callbackUrl?: string }) {
  const { lang, t } = usePreferences();
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
    const res = await callApi<SignedUp, SignUpInput>('POST', '/api/signup', {
      email,
      password,
      ...(name ? { name } : {}),
    });
    if (!res.ok) {
      setBusy(false);
      if (res.status === 409) setError(t('account.emailTaken'));
      else if (res.status === 429) setError(t('account.tooMany'));
      // The server says why, in both languages (a weak password: which rule it breaks; a
      // malformed field: which one).
      else if (res.status === 400) {
        const fields = res.error?.issues?.map((i) => i.path).join(', ');
        setError(fields ? t('account.invalid') + fields : (apiErrorMessage(res.error, lang) ?? t('account.invalid')));
      } else setError(t('account.failed'));
      return;
    }
    const err = await passwordSignIn(email, password);
    if (err) {
      setBusy(false);
      setError(t(err));
    } else {
      window.location.assign(target);
    }
  }

  return (
    <div className="auth-card">
      <h1>{t('account.signUp')}</h1>
      <form onSubmit={onSubmit} className="auth-form" data-testid="signup-form">
        <label>
          {t('account.name')}
          <NepaliInput name="name" autoComplete="name" maxLength={80} data-testid="signup-name" />
        </label>
        <label>
          {t('account.email')}
          <input name="email" type="email" autoComplete="email" required data-testid="signup-email" />
        </label>
        <label>
          {t('account.password')} <small>({t('account.passwordHint')})</small>
          <input
            name="password"
            type="password"
            autoComplete="new-password"
            required
            minLength={MIN_PASSWORD}
            data-testid="signup-password"
          />
        </label>
        {error && (
          <p className="alert" role="alert" data-testid="auth-error">
            {error}
          </p>
        )}
        <button type="submit" className="button button-primary" disabled={busy} data-testid="signup-submit">
          {t('account.signUp')}
        </button>
      </form>
      <p>
        {t('account.haveAccount')}{' '}
        <Link href={`/signin${target !== '/' ? `?callbackUrl=${encodeURIComponent(target)}` : ''}`}>
          {t('account.signIn')}
        </Link>
      </p>
    </div>
  );
}
