'use client';
// Share: a snapshot of what the editor shows (POST /api/shares), as in the Go Playground. The
// server addresses snapshots by their content, so sharing unchanged code again gives the same
// link. The link is copied to the clipboard as it arrives; when the code changes afterwards the
// box says so instead of showing a link that no longer matches what is on screen.
// With `existingUrl` (an immutable program shown unchanged) it just shows that link.
import { useState } from 'react';
import { titleFromSource } from '@/components/share/title';
import { usePreferences } from '@/components/preferences';
import '@/components/zod-without-eval'; // first: before any zod schema is made
import { callApi, apiErrorMessage, failureMessageKey } from '@/lib/api/client';
import type { ShareCreated, SnippetCreateInput } from '@/lib/api/schemas';

export interface ShareState {
  source: string;
  stdin: string;
  latinDigits: boolean;
}

const contentOf = (state: ShareState, title: string) =>
  JSON.stringify([title, state.source, state.stdin, state.latinDigits]);

export function ShareButton({
  state,
  title,
  existingUrl,
}: {
  state: ShareState;
  title?: string;
  existingUrl?: string;
}) {
  const { lang, t } = usePreferences();
  const [busy, setBusy] = useState(false);
  const [shared, setShared] = useState<{ url: string; content: string } | null>(null);
  const [anonymous, setAnonymous] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const [copied, setCopied] = useState(false);
  const sharedTitle = title ?? titleFromSource(state.source);
  const stale = shared !== null && shared.content !== contentOf(state, sharedTitle);

  async function copy(url: string) {
    try {
      await navigator.clipboard.writeText(url);
      setCopied(true);
    } catch {
      setCopied(false); // no clipboard permission: the field is selectable
    }
  }

  async function share() {
    setError(null);
    setCopied(false);
    const content = contentOf(state, sharedTitle);
    if (existingUrl) {
      const url = new URL(existingUrl, window.location.origin).toString();
      setShared({ url, content });
      void copy(url);
      return;
    }
    setBusy(true);
    const res = await callApi<ShareCreated, SnippetCreateInput>('POST', '/api/shares', {
      title: sharedTitle,
      source: state.source,
      stdin: state.stdin,
      latinDigits: state.latinDigits,
    });
    setBusy(false);
    if (res.ok) {
      setShared({ url: res.data.url, content });
      void copy(res.data.url);
      const session = (await fetch('/api/auth/session')
        .then((r) => r.json())
        .catch(() => null)) as { user?: unknown } | null;
      setAnonymous(!session?.user);
    } else {
      // The daily cap and the storage budget explain themselves (sign in to share more).
      setError(apiErrorMessage(res.error, lang) ?? t(failureMessageKey(res.status)));
    }
  }

  return (
    <span className="share">
      <button type="button" className="button" data-testid="share-button" onClick={() => void share()} disabled={busy}>
        {busy ? t('account.sharing') : t('account.share')}
      </button>
      {error && (
        <span className="share-error" role="alert">
          {error}
        </span>
      )}
      {shared && stale && (
        <span className="share-popover" role="status" data-testid="share-stale">
          {t('account.shareChanged')}
        </span>
      )}
      {shared && !stale && (
        <span className="share-popover" role="group" aria-label={t('account.shareLink')}>
          <input
            readOnly
            value={shared.url}
            data-testid="share-link"
            aria-label={t('account.shareLink')}
            onFocus={(e) => e.currentTarget.select()}
            size={Math.min(shared.url.length, 40)}
          />
          <button type="button" className="button" data-testid="share-copy" onClick={() => void copy(shared.url)}>
            {copied ? t('account.copied') : t('account.copy')}
          </button>
          <a href={new URL(shared.url).pathname} className="button button-quiet" data-testid="share-open">
            ↗
          </a>
          <small className="share-note">{t('account.shareSnapshotNote')}</small>
          {anonymous && <small className="share-note">{t('account.shareAnonNote')}</small>}
        </span>
      )}
    </span>
  );
}
