'use client';
// The list on /me: title, a preview line, updated (Bikram Sambat in Nepali), and the actions:
// open, rename (PATCH title with the version), duplicate (a fork of my own program, titled as a
// copy) and delete — which the server only hides for a grace period, so the toast's Undo
// brings it back whole (POST /api/snippets/:id/restore).
import { useEffect, useRef, useState } from 'react';
import { usePreferences } from '@/components/preferences';
import { callApi, apiErrorMessage, failureMessageKey, type ApiCallResult } from '@/lib/api/client';
import type {
  MySnippet,
  SnippetCreated,
  SnippetCreateInput,
  SnippetPatched,
  SnippetPatchInput,
  SnippetRead,
  SnippetRestored,
} from '@/lib/api/schemas';
import { TextDialog } from '@/components/input/text-dialog';
import { LocalDate } from './local-date';
import { formatBytes } from '@/lib/i18n/run-feedback';

export type { MySnippet };

/** How long the undo toast stays (the server keeps a deleted program restorable far longer). */
const UNDO_TOAST_MS = 15_000;

export function SnippetList({ initial, userName }: { initial: MySnippet[]; userName: string }) {
  const { lang, t } = usePreferences();
  const [items, setItems] = useState(initial);
  const [error, setError] = useState<string | null>(null);
  const [renaming, setRenaming] = useState<MySnippet | null>(null);
  const [deleted, setDeleted] = useState<MySnippet | null>(null);
  const toastTimer = useRef<number | null>(null);

  useEffect(
    () => () => {
      if (toastTimer.current !== null) window.clearTimeout(toastTimer.current);
    },
    [],
  );

  const fail = (res: Extract<ApiCallResult<unknown>, { ok: false }>) =>
    setError(apiErrorMessage(res.error, lang) ?? t(failureMessageKey(res.status)));

  async function reload() {
    const res = await callApi<MySnippet[]>('GET', '/api/me/snippets');
    if (res.ok) setItems(res.data);
  }

  async function rename(item: MySnippet, title: string) {
    setRenaming(null);
    const res = await callApi<SnippetPatched, SnippetPatchInput>('PATCH', `/api/snippets/${item.id}`, {
      title,
      version: item.version,
    });
    if (res.ok) {
      setItems((list) =>
        list.map((x) =>
          x.id === item.id
            ? { ...x, title: title.trim(), version: res.data.version, updatedAt: res.data.updatedAt }
            : x,
        ),
      );
      setError(null);
    } else {
      fail(res);
    }
  }

  async function duplicate(item: MySnippet) {
    const full = await callApi<SnippetRead>('GET', `/api/snippets/${item.id}`);
    if (!full.ok) return fail(full);
    const title = `${full.data.title || t('account.untitled')} ${t('account.copySuffix')}`.slice(0, 120);
    const res = await callApi<SnippetCreated, SnippetCreateInput>('POST', `/api/snippets/${item.id}/fork`, {
      title,
      source: full.data.source,
      stdin: full.data.stdin,
      latinDigits: full.data.latinDigits,
    });
    if (!res.ok) return fail(res);
    setError(null);
    await reload();
  }

  async function remove(item: MySnippet) {
    const res = await callApi<null>('DELETE', `/api/snippets/${item.id}`);
    if (!res.ok && res.status !== 404) return fail(res);
    setItems((list) => list.filter((x) => x.id !== item.id));
    setError(null);
    setDeleted(item);
    if (toastTimer.current !== null) window.clearTimeout(toastTimer.current);
    toastTimer.current = window.setTimeout(() => setDeleted(null), UNDO_TOAST_MS);
  }

  async function undo(item: MySnippet) {
    setDeleted(null);
    const res = await callApi<SnippetRestored>('POST', `/api/snippets/${item.id}/restore`);
    if (!res.ok) return fail(res);
    await reload();
  }

  return (
    <section data-testid="my-snippets">
      <h1>
        {t('account.myPrograms')}
        {userName && (
          <>
            {' — '}
            <span data-user-content>{userName}</span>
          </>
        )}
      </h1>
      {error && (
        <p className="alert" role="alert">
          {error}
        </p>
      )}
      <TextDialog
        open={renaming !== null}
        title={t('account.newTitle')}
        initialValue={renaming?.title ?? ''}
        maxLength={120}
        onSubmit={(title) => {
          if (renaming) void rename(renaming, title);
        }}
        onCancel={() => setRenaming(null)}
        testId="rename-dialog"
      />
      {items.length === 0 ? (
        <p data-testid="my-snippets-empty">{t('account.empty')}</p>
      ) : (
        <table className="snippet-table">
          <thead>
            <tr>
              <th>{t('account.title')}</th>
              <th>{t('account.preview')}</th>
              <th>{t('account.updated')}</th>
              <th>{t('account.size')}</th>
              <th />
            </tr>
          </thead>
          <tbody>
            {items.map((item) => (
              <tr key={item.id} data-testid="snippet-row" data-id={item.id}>
                <td>
                  <a href={`/s/${item.id}`} data-testid="snippet-title" data-user-content={item.title ? '' : undefined}>
                    {item.title || t('account.untitled')}
                  </a>
                </td>
                <td>
                  <code className="snippet-preview" data-testid="snippet-preview">
                    {item.preview}
                  </code>
                </td>
                <td>
                  <LocalDate iso={item.updatedAt} testId="snippet-updated" />
                </td>
                <td>{formatBytes(lang, item.size)}</td>
                <td className="snippet-actions">
                  <a href={`/s/${item.id}`} className="button button-quiet" data-testid="open-button">
                    {t('account.open')}
                  </a>
                  <button
                    type="button"
                    className="button button-quiet"
                    data-testid="rename-button"
                    onClick={() => setRenaming(item)}
                  >
                    {t('account.rename')}
                  </button>
                  <button
                    type="button"
                    className="button button-quiet"
                    data-testid="duplicate-button"
                    onClick={() => void duplicate(item)}
                  >
                    {t('account.duplicate')}
                  </button>
                  <button
                    type="button"
                    className="button button-quiet"
                    data-testid="delete-button"
                    onClick={() => void remove(item)}
                  >
                    {t('account.delete')}
                  </button>
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      {deleted && (
        <div className="undo-toast" role="status" data-testid="undo-toast">
          <span>
            {t('account.deleted')} {deleted.title || t('account.untitled')}
          </span>
          <button
            type="button"
            className="button button-quiet"
            data-testid="undo-button"
            onClick={() => void undo(deleted)}
          >
            {t('account.undo')}
          </button>
        </div>
      )}
    </section>
  );
}
