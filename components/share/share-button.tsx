'use client';
// Share: saves the program as a snippet (POST /api/snippets) and shows its short link.
// With `existingUrl` (the program is already shared and unchanged) it just shows that link.
import { useState } from 'react';
import { useAccountStrings, titleFromSource } from '@/components/account/strings';
import { usePreferences } from '@/components/preferences';
import { postJson, errorKey, serverMessage } from './api';

export interface ShareState { source: string; stdin: string; latinDigits: boolean }

export function ShareButton({ state, title, existingUrl }: { state: ShareState; title?: string; existingUrl?: string }) {
  const s = useAccountStrings();
  const { lang } = usePreferences();
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
    const res = await postJson('/api/snippets', {
      title: title ?? titleFromSource(state.source), source: state.source, stdin: state.stdin, latinDigits: state.latinDigits,
    });
    setBusy(false);
    if (res.ok) {
      setUrl(res.body.url);
      const session = await fetch('/api/auth/session').then((r) => r.json()).catch(() => null);
      setAnonymous(!session?.user);
    } else {
      // The daily cap and the storage budget explain themselves (sign in to share more).
      setError(serverMessage(res, lang) ?? s(errorKey(res.status)));
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
        {busy ? s('sharing') : s('share')}
      </button>
      {error && <span className="share-error" role="alert">{error}</span>}
      {url && (
        <span className="share-popover" role="group" aria-label={s('shareLink')}>
          <input readOnly value={url} data-testid="share-link" aria-label={s('shareLink')} onFocus={(e) => e.currentTarget.select()} size={Math.min(url.length, 40)} />
          <button type="button" className="button" onClick={() => void copy()}>{copied ? s('copied') : s('copy')}</button>
          <a href={new URL(url).pathname} className="button button-quiet" data-testid="share-open">↗</a>
          {anonymous && <small className="share-note">{s('shareAnonNote')}</small>}
        </span>
      )}
    </span>
  );
}
