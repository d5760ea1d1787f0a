'use client';
// Share: saves the program as a snippet (POST /api/snippets) and shows its short link.
// With `existingUrl` (the program is already shared and unchanged) it just shows that link.
import { useState } from 'react';
import '@/components/zod-without-eval'; // first: before any zod schema is made
import { usePreferences } from '@/components/preferences';
import { callApi, apiErrorMessage, failureMessageKey } from '@/lib/api/client';
import type { SnippetCreateInput, SnippetCreated } from '@/lib/api/schemas';
import { titleFromSource } from './title';

export interface ShareState { source: string; stdin: string; latinDigits: boolean }

export function ShareButton({ state, title, existingUrl }: { state: ShareState; title?: string; existingUrl?: string }) {
  const { lang, t } = usePreferences();
  const [busy, setBusy] = useState(false);
  const [url, setUrl] = useState<string | null>(null);
  const [anonymous, setAnonymous] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const [copied, setCopied] = useState(false);

  async function share() {
    setError(null);
    setCopied(false);
    if (existingUrl) {
      setUrl(new URL(existingUrl, window.location.origin).toString());
      return;
    }
    setBusy(true);
    const res = await callApi<SnippetCreated, SnippetCreateInput>('POST', '/api/snippets', {
      title: title ?? titleFromSource(state.source), source: state.source, stdin: state.stdin, latinDigits: state.latinDigits,
    });
    setBusy(false);
    if (res.ok) {
      setUrl(res.data.url);
      const session = (await fetch('/api/auth/session').then((r) => r.json()).catch(() => null)) as { user?: unknown } | null;
      setAnonymous(!session?.user);
    } else {
      // The daily cap and the storage budget explain themselves (sign in to share more).
      setError(apiErrorMessage(res.error, lang) ?? t(failureMessageKey(res.status)));
    }
  }

  async function copy() {
    if (!url) return;
    try {
      await navigator.clipboard.writeText(url);
      setCopied(true);
    } catch { /* the field is selectable */ }
  }

  return (
    <span className="share">
      <button type="button" className="button" data-testid="share-button" onClick={() => void share()} disabled={busy}>
        {busy ? t('account.sharing') : t('account.share')}
      </button>
      {error && <span className="share-error" role="alert">{error}</span>}
      {url && (
        <span className="share-popover" role="group" aria-label={t('account.shareLink')}>
          <input readOnly value={url} data-testid="share-link" aria-label={t('account.shareLink')} onFocus={(e) => e.currentTarget.select()} size={Math.min(url.length, 40)} />
          <button type="button" className="button" onClick={() => void copy()}>{copied ? t('account.copied') : t('account.copy')}</button>
          <a href={new URL(url).pathname} className="button button-quiet" data-testid="share-open">↗</a>
          {anonymous && <small className="share-note">{t('account.shareAnonNote')}</small>}
        </span>
      )}
    </span>
  );
}
