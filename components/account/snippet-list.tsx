'use client';
// The list on /me: title, updated, size; rename (PATCH title with the version) and delete.
import { useState, useSyncExternalStore } from 'react';
import { usePreferences } from '@/components/preferences';
import { callApi, failureMessageKey } from '@/lib/api/client';
import type { MySnippet, SnippetPatchInput, SnippetPatched } from '@/lib/api/schemas';
import { TextDialog } from '@/components/input/text-dialog';

const subscribeNothing = () => () => {};

export type { MySnippet };

export function SnippetList({ initial, userName }: { initial: MySnippet[]; userName: string }) {
  const { lang, t } = usePreferences();
  const [items, setItems] = useState(initial);
  const [error, setError] = useState<string | null>(null);
  const [renaming, setRenaming] = useState<MySnippet | null>(null);
  // The server knows neither the visitor's time zone nor its browser's date formats: until
  // hydration is over the date is shown in UTC, spelt the same by both, then in local time.
  const hydrated = useSyncExternalStore(subscribeNothing, () => true, () => false);
  const date = (iso: string) => (hydrated
    ? new Date(iso).toLocaleString(lang === 'en' ? 'en-GB' : 'ne-NP', { dateStyle: 'medium', timeStyle: 'short' })
    : `${iso.slice(0, 10)} ${iso.slice(11, 16)} UTC`);

  async function rename(item: MySnippet, title: string) {
    setRenaming(null);
    const res = await callApi<SnippetPatched, SnippetPatchInput>('PATCH', `/api/snippets/${item.id}`, { title, version: item.version });
    if (res.ok) {
      setItems((list) => list.map((x) => (x.id === item.id ? { ...x, title: title.trim(), version: res.data.version, updatedAt: res.data.updatedAt } : x)));
      setError(null);
    } else {
      setError(t(failureMessageKey(res.status)));
    }
  }

  async function remove(item: MySnippet) {
    if (!window.confirm(t('account.confirmDelete'))) return;
    const res = await callApi<null>('DELETE', `/api/snippets/${item.id}`);
    if (res.ok || res.status === 404) setItems((list) => list.filter((x) => x.id !== item.id));
    else setError(t(failureMessageKey(res.status)));
  }

  return (
    <section data-testid="my-snippets">
      <h1>{t('account.myPrograms')}{userName ? ` — ${userName}` : ''}</h1>
      {error && <p className="alert" role="alert">{error}</p>}
      <TextDialog
        open={renaming !== null}
        title={t('account.newTitle')}
        initialValue={renaming?.title ?? ''}
        maxLength={200}
        onSubmit={(title) => { if (renaming) void rename(renaming, title); }}
        onCancel={() => setRenaming(null)}
        testId="rename-dialog"
      />
      {items.length === 0 ? (
        <p data-testid="my-snippets-empty">{t('account.empty')}</p>
      ) : (
        <table className="snippet-table">
          <thead>
            <tr><th>{t('account.title')}</th><th>{t('account.updated')}</th><th>{t('account.size')}</th><th /></tr>
          </thead>
          <tbody>
            {items.map((item) => (
              <tr key={item.id} data-testid="snippet-row" data-id={item.id}>
                <td><a href={`/s/${item.id}`} data-testid="snippet-title">{item.title || t('account.untitled')}</a></td>
                <td><time dateTime={item.updatedAt}>{date(item.updatedAt)}</time></td>
                <td>{item.size} {t('account.bytes')}</td>
                <td className="snippet-actions">
                  <button type="button" className="button button-quiet" data-testid="rename-button" onClick={() => setRenaming(item)}>{t('account.rename')}</button>
                  <button type="button" className="button button-quiet" data-testid="delete-button" onClick={() => void remove(item)}>{t('account.delete')}</button>
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </section>
  );
}
