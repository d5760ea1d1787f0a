'use client';
// The IDE on a share page /s/<id>: the shared program, with Fork, Share and (for its owner)
// Save. Saving names the version it started from; if the snippet changed elsewhere the
// server answers 409 and the edits stay here (and in the local draft), nothing is lost.
import { useRef, useState } from 'react';
import { Ide } from '@/components/ide/ide';
import { usePreferences } from '@/components/preferences';
import { ShareButton, type ShareState } from './share-button';
import { callApi, failureMessageKey } from '@/lib/api/client';
import type { SnippetCreated, SnippetPatchInput, SnippetPatched } from '@/lib/api/schemas';

export interface SharedSnippet {
  id: string; title: string; source: string; stdin: string; latinDigits: boolean; version: number;
  ownerName: string | null; forkedFrom: string | null;
}

export function SnippetIde({ snippet, isOwner }: { snippet: SharedSnippet; isOwner: boolean }) {
  const { t } = usePreferences();
  const saved = useRef({ source: snippet.source, stdin: snippet.stdin, latinDigits: snippet.latinDigits });
  const [version, setVersion] = useState(snippet.version);
  const [status, setStatus] = useState<string | null>(null);
  const [busy, setBusy] = useState<'save' | 'fork' | null>(null);

  const unchanged = (st: ShareState) =>
    st.source === saved.current.source && st.stdin === saved.current.stdin && st.latinDigits === saved.current.latinDigits;

  async function fork() {
    setBusy('fork');
    const res = await callApi<SnippetCreated>('POST', `/api/snippets/${snippet.id}/fork`);
    setBusy(null);
    if (res.ok) window.location.assign(new URL(res.data.url).pathname);
    else setStatus(t(failureMessageKey(res.status)));
  }

  async function save(st: ShareState) {
    setBusy('save');
    setStatus(t('account.saving'));
    const res = await callApi<SnippetPatched, SnippetPatchInput>('PATCH', `/api/snippets/${snippet.id}`, { ...st, version });
    setBusy(null);
    if (res.ok) {
      setVersion(res.data.version);
      saved.current = { ...st };
      setStatus(t('account.saved'));
    } else {
      setStatus(t(failureMessageKey(res.status)));
    }
  }

  return (
    <>
      <div className="snippet-meta" data-testid="snippet-meta">
        <span>{t('account.by')} <strong data-testid="snippet-owner">{snippet.ownerName ?? t('account.anonymous')}</strong></span>
        {snippet.forkedFrom && (
          <span>{t('account.forkedFrom')} <a href={`/s/${snippet.forkedFrom}`} data-testid="snippet-forked-from">/s/{snippet.forkedFrom}</a></span>
        )}
        {status && <span className="snippet-status" role="status" data-testid="snippet-status">{status}</span>}
      </div>
      <Ide
        initialSource={snippet.source}
        initialStdin={snippet.stdin}
        initialLatinDigits={snippet.latinDigits}
        draftKey={`draft:s:${snippet.id}`}
        title={snippet.title || t('account.untitled')}
        toolbarExtras={(st) => (
          <>
            {isOwner && (
              <button type="button" className="button" data-testid="save-button" disabled={busy !== null || unchanged(st)}
                onClick={() => void save(st)}>
                💾 {t('account.save')}
              </button>
            )}
            <button type="button" className="button" data-testid="fork-button" disabled={busy !== null}
              title={t('account.forkHint')} onClick={() => void fork()}>
              <CopyIcon /> {t('account.fork')}
            </button>
            <ShareButton state={st} title={snippet.title}
              existingUrl={unchanged(st) ? `/s/${snippet.id}` : undefined} />
          </>
        )}
      />
    </>
  );
}

/** Two overlapping pages: drawn as SVG, since the fork glyph (⑂) is missing from most fonts. */
function CopyIcon() {
  return (
    <svg className="button-icon" width="16" height="16" viewBox="0 0 16 16" aria-hidden="true" focusable="false">
      <rect x="5.5" y="5.5" width="8" height="9" rx="1.5" fill="none" stroke="currentColor" strokeWidth="1.5" />
      <path d="M3.5 10.5h-.5a1.5 1.5 0 0 1-1.5-1.5V3A1.5 1.5 0 0 1 3 1.5h5A1.5 1.5 0 0 1 9.5 3v.5" fill="none" stroke="currentColor" strokeWidth="1.5" />
    </svg>
  );
}
