'use client';
// The save model around the IDE (docs/ide.md, "The save model"), on the home page and on
// /s/<id>:
// - signed in, the editor is linked to a program of mine once saved: Save and Ctrl/Cmd+S
//   update it in place, naming the version they started from; a stale save (409) shows both
//   versions and lets me choose, nothing is lost. "Save as new" makes a copy; the title is
//   edited in place. Saving from the home page (or someone else's program) makes a program of
//   mine and opens it, so the editor is linked from then on;
// - Share is a snapshot of what is on screen (share-button.tsx);
// - Fork copies what the editor shows, edits included;
// - a page whose editor differs from its program says so and offers to reset to it;
// - signed out, edits are a draft kept per page in this browser (use-draft.ts); signing in
//   offers to save the home page's draft.
import { useEffect, useRef, useState } from 'react';
import { Ide, SAMPLE_SOURCE, type IdeControl, type IdeState } from '@/components/ide/ide';
import { DEFAULT_DRAFT_KEY, loadDraft } from '@/components/ide/use-draft';
import { titleFromSource } from '@/components/share/title';
import type { StringKey } from '@/lib/i18n/strings';
import { usePreferences } from '@/components/preferences';
import { PageTitle } from '@/components/page-title';
import { NepaliInput } from '@/components/input/nepali-text-field';
import { ShareButton } from './share-button';
import { callApi, apiErrorMessage, failureMessageKey, type ApiCallResult } from '@/lib/api/client';
import type {
  SnippetCreated,
  SnippetCreateInput,
  SnippetPatched,
  SnippetPatchInput,
  SnippetRead,
} from '@/lib/api/schemas';

export interface SharedSnippet {
  id: string;
  title: string;
  source: string;
  stdin: string;
  latinDigits: boolean;
  version: number;
  ownerName: string | null;
  forkedFrom: string | null;
}

type Saved = IdeState & { title: string };
type Conflict = { theirs: Saved & { version: number }; mine: Saved };

const sameContent = (a: Saved, b: Saved) =>
  a.title === b.title && a.source === b.source && a.stdin === b.stdin && a.latinDigits === b.latinDigits;

export function ProgramIde({
  snippet,
  isOwner,
  signedIn,
}: {
  snippet: SharedSnippet | null;
  isOwner: boolean;
  signedIn: boolean | undefined;
}) {
  const { lang, t } = usePreferences();
  const control = useRef<IdeControl | null>(null);
  const [saved, setSaved] = useState<Saved | null>(
    snippet && { title: snippet.title, source: snippet.source, stdin: snippet.stdin, latinDigits: snippet.latinDigits },
  );
  const [version, setVersion] = useState(snippet?.version ?? 0);
  const [title, setTitle] = useState(snippet?.title ?? '');
  const [status, setStatus] = useState<{ text: string; kind: 'ok' | 'error' | 'info' } | null>(null);
  const [busy, setBusy] = useState<'save' | 'fork' | null>(null);
  const [conflict, setConflict] = useState<Conflict | null>(null);
  const [draftOffer, setDraftOffer] = useState(false);
  const latest = useRef<IdeState>({
    source: snippet?.source ?? SAMPLE_SOURCE,
    stdin: snippet?.stdin ?? '',
    latinDigits: snippet?.latinDigits ?? false,
  });

  const linked = snippet !== null && isOwner;
  const immutable = snippet !== null && snippet.ownerName === null;
  const draftKey = snippet ? `draft:s:${snippet.id}` : DEFAULT_DRAFT_KEY;

  // Signed in on the home page with a draft written before: offer to keep it as a program.
  useEffect(() => {
    if (snippet || !signedIn) return;
    const d = loadDraft(DEFAULT_DRAFT_KEY);
    if (d && d.source.trim() && d.source !== SAMPLE_SOURCE) setDraftOffer(true);
  }, [snippet, signedIn]);

  const say = (key: StringKey, kind: 'ok' | 'error' | 'info' = 'info') => setStatus({ text: t(key), kind });
  const failed = (res: Extract<ApiCallResult<unknown>, { ok: false }>) =>
    setStatus({ text: apiErrorMessage(res.error, lang) ?? t(failureMessageKey(res.status)), kind: 'error' });
  const current = (st: IdeState): Saved => ({ ...st, title: linked ? title.trim() : titleOf(st) });
  const titleOf = (st: IdeState) => snippet?.title || titleFromSource(st.source);

  /** A new program of mine holding `content`; the page then opens it (the editor is linked). */
  async function saveAsNew(content: Saved, viaFork = false) {
    if (!signedIn) return say('account.signInToSave');
    setBusy('save');
    say('account.saving');
    const res =
      viaFork && snippet
        ? await callApi<SnippetCreated, SnippetCreateInput>('POST', `/api/snippets/${snippet.id}/fork`, content)
        : await callApi<SnippetCreated, SnippetCreateInput>('POST', '/api/snippets', content);
    setBusy(null);
    if (!res.ok) return failed(res);
    // The edits live in the new program now: this page's draft would only repeat them.
    control.current?.forgetDraft();
    window.location.assign(new URL(res.data.url).pathname);
  }

  async function patchProgram(content: Saved, basedOn: number) {
    if (!snippet) return;
    setBusy('save');
    say('account.saving');
    const res = await callApi<SnippetPatched, SnippetPatchInput>('PATCH', `/api/snippets/${snippet.id}`, {
      ...content,
      version: basedOn,
    });
    setBusy(null);
    if (res.ok) {
      setVersion(res.data.version);
      setSaved(content);
      setConflict(null);
      say('account.saved', 'ok');
      return;
    }
    if (res.status !== 409) return failed(res);
    // Changed elsewhere: fetch what is saved now and let the person choose.
    const now = await callApi<SnippetRead>('GET', `/api/snippets/${snippet.id}`);
    if (!now.ok) return failed(now);
    const b = now.data;
    setConflict({
      theirs: { title: b.title, source: b.source, stdin: b.stdin, latinDigits: b.latinDigits, version: b.version },
      mine: content,
    });
    say('account.stale', 'error');
  }

  function save(st: IdeState) {
    if (busy) return;
    if (signedIn === false) return say('account.signInToSave');
    const content = current(st);
    if (!linked) return void saveAsNew(content, snippet !== null);
    if (saved && sameContent(saved, content)) return say('account.saved', 'ok');
    void patchProgram(content, version);
  }

  async function fork(st: IdeState) {
    if (!snippet) return;
    setBusy('fork');
    const res = await callApi<SnippetCreated, SnippetCreateInput>(
      'POST',
      `/api/snippets/${snippet.id}/fork`,
      current(st),
    );
    setBusy(null);
    if (!res.ok) return failed(res);
    control.current?.forgetDraft();
    window.location.assign(new URL(res.data.url).pathname);
  }

  function resetTo(content: Saved & { version?: number }) {
    control.current?.replace(content);
    latest.current = content;
    setTitle(content.title);
    setSaved({ title: content.title, source: content.source, stdin: content.stdin, latinDigits: content.latinDigits });
    if (content.version) setVersion(content.version);
    setConflict(null);
    setStatus(null);
  }

  // Typed with the IDE's input engine, as every text field is. Enter saves through the form: its
  // submit comes after the keydown in which the engine put a word still being composed into the
  // field, and React has rendered that into `title` by then (e2e: Enter and Ctrl+S mid-word).
  const titleField = linked ? (
    <form
      className="ide-title-form"
      onSubmit={(e) => {
        e.preventDefault();
        save(latest.current);
      }}
    >
      <NepaliInput
        className="ide-title-input"
        data-testid="title-input"
        value={title}
        maxLength={120}
        aria-label={t('account.titleLabel')}
        placeholder={t('account.untitled')}
        onChange={(e) => setTitle(e.target.value)}
      />
    </form>
  ) : snippet ? (
    snippet.title || t('account.untitled')
  ) : undefined;

  return (
    <>
      {/* The page's title: a saved program's title as last saved (a rename shows at once). */}
      <PageTitle name={snippet ? (saved?.title ? { own: saved.title } : { key: 'title.program' }) : null} />
      {snippet && (
        <div className="snippet-meta" data-testid="snippet-meta">
          <span>
            {t('account.by')}{' '}
            <strong data-testid="snippet-owner" data-user-content={snippet.ownerName ? '' : undefined}>
              {snippet.ownerName ?? t('account.anonymous')}
            </strong>
          </span>
          {snippet.forkedFrom && (
            <span>
              {t('account.forkedFrom')}{' '}
              <a href={`/s/${snippet.forkedFrom}`} data-testid="snippet-forked-from" data-user-content>
                /s/{snippet.forkedFrom}
              </a>
            </span>
          )}
        </div>
      )}
      {draftOffer && (
        <div className="save-banner" role="region" aria-label={t('account.draftOffer')} data-testid="draft-offer">
          <span>{t('account.draftOffer')}</span>
          <button
            type="button"
            className="button button-primary"
            data-testid="draft-offer-save"
            onClick={() => {
              setDraftOffer(false);
              void saveAsNew(current(latest.current));
            }}
          >
            <SaveIcon /> {t('account.save')}
          </button>
          <button type="button" className="button button-quiet" onClick={() => setDraftOffer(false)}>
            {t('account.dismiss')}
          </button>
        </div>
      )}
      {conflict && (
        <ConflictChooser
          conflict={conflict}
          busy={busy !== null}
          onKeepMine={() => void patchProgram(conflict.mine, conflict.theirs.version)}
          onTakeTheirs={() => resetTo(conflict.theirs)}
          onMineAsNew={() => void saveAsNew(conflict.mine)}
          onCancel={() => {
            setConflict(null);
            setStatus(null);
          }}
        />
      )}
      <Ide
        initialSource={snippet?.source}
        initialStdin={snippet?.stdin}
        initialLatinDigits={snippet?.latinDigits}
        draftKey={draftKey}
        title={titleField}
        control={control}
        onSave={save}
        banner={(st) => {
          latest.current = st;
          const changed = saved !== null && !sameContent(saved, { ...st, title: linked ? title.trim() : saved.title });
          if (!changed && !status) return null;
          return (
            <div className="save-banner" data-testid="save-banner">
              {changed && (
                <span data-testid="draft-notice">
                  {t(linked ? 'account.differsFromSaved' : 'account.differsFromShared')}{' '}
                  <button
                    type="button"
                    className="button button-quiet"
                    data-testid="reset-button"
                    onClick={() => saved && resetTo(saved)}
                  >
                    ↺ {t(linked ? 'account.resetToSaved' : 'account.resetToShared')}
                  </button>
                </span>
              )}
              {status && (
                <span
                  className={`snippet-status snippet-status-${status.kind}`}
                  role={status.kind === 'error' ? 'alert' : 'status'}
                  data-testid="snippet-status"
                >
                  {status.text}
                  {status.text === t('account.signInToSave') && (
                    <>
                      {' '}
                      <a href={`/signin?callbackUrl=${encodeURIComponent(window.location.pathname)}`}>
                        {t('account.signIn')}
                      </a>
                    </>
                  )}
                </span>
              )}
            </div>
          );
        }}
        toolbarExtras={(st) => {
          const content = current(st);
          const unchanged = saved !== null && sameContent(saved, content);
          return (
            <>
              {signedIn && (
                <button
                  type="button"
                  className="button"
                  data-testid="save-button"
                  title={t('account.saveHint')}
                  aria-keyshortcuts="Control+S"
                  disabled={busy !== null || (linked && unchanged)}
                  onClick={() => save(st)}
                >
                  <SaveIcon /> {busy === 'save' ? t('account.saving') : t('account.save')}
                </button>
              )}
              {signedIn && (linked || snippet === null) && (
                <button
                  type="button"
                  className="button button-quiet"
                  data-testid="save-as-new-button"
                  disabled={busy !== null}
                  onClick={() => void saveAsNew(content)}
                >
                  {t('account.saveAsNew')}
                </button>
              )}
              {snippet && (
                <button
                  type="button"
                  className="button"
                  data-testid="fork-button"
                  disabled={busy !== null}
                  title={t('account.forkHint')}
                  onClick={() => void fork(st)}
                >
                  <CopyIcon /> {t('account.fork')}
                </button>
              )}
              <ShareButton
                state={st}
                title={content.title}
                existingUrl={immutable && unchanged && snippet ? `/s/${snippet.id}` : undefined}
              />
            </>
          );
        }}
      />
    </>
  );
}

function ConflictChooser({
  conflict,
  busy,
  onKeepMine,
  onTakeTheirs,
  onMineAsNew,
  onCancel,
}: {
  conflict: Conflict;
  busy: boolean;
  onKeepMine: () => void;
  onTakeTheirs: () => void;
  onMineAsNew: () => void;
  onCancel: () => void;
}) {
  const { t } = usePreferences();
  return (
    <section
      className="save-conflict"
      role="alertdialog"
      aria-label={t('account.conflictTitle')}
      data-testid="save-conflict"
    >
      <h2>{t('account.conflictTitle')}</h2>
      <div className="save-conflict-versions">
        <figure>
          <figcaption>
            {t('account.conflictTheirs')}
            {conflict.theirs.title ? ` — ${conflict.theirs.title}` : ''}
          </figcaption>
          <pre data-testid="conflict-theirs">{conflict.theirs.source}</pre>
        </figure>
        <figure>
          <figcaption>
            {t('account.conflictMine')}
            {conflict.mine.title ? ` — ${conflict.mine.title}` : ''}
          </figcaption>
          <pre data-testid="conflict-mine">{conflict.mine.source}</pre>
        </figure>
      </div>
      <p className="share-note">{t('account.takeTheirsNote')}</p>
      <div className="save-conflict-actions">
        <button
          type="button"
          className="button button-primary"
          data-testid="conflict-keep-mine"
          disabled={busy}
          onClick={onKeepMine}
        >
          {t('account.keepMine')}
        </button>
        <button
          type="button"
          className="button"
          data-testid="conflict-mine-as-new"
          disabled={busy}
          onClick={onMineAsNew}
        >
          {t('account.mineAsNew')}
        </button>
        <button
          type="button"
          className="button"
          data-testid="conflict-take-theirs"
          disabled={busy}
          onClick={onTakeTheirs}
        >
          {t('account.takeTheirs')}
        </button>
        <button type="button" className="button button-quiet" data-testid="conflict-cancel" onClick={onCancel}>
          {t('account.cancel')}
        </button>
      </div>
    </section>
  );
}
// Icons are drawn, not emoji: 💾 needs an emoji font, and without one (a Linux desktop, Debian's
// Chromium) it was an empty box before सेभ.
function SaveIcon() {
  return (
    <svg className="button-icon" width="16" height="16" viewBox="0 0 16 16" aria-hidden="true" focusable="false">
      <path
        d="M2.5 3A.5.5 0 0 1 3 2.5h8.3l2.2 2.2V13a.5.5 0 0 1-.5.5H3a.5.5 0 0 1-.5-.5z"
        fill="none"
        stroke="currentColor"
        strokeWidth="1.5"
        strokeLinejoin="round"
      />
      <path d="M5 2.5v3h5v-3M4.75 13.5v-4h6.5v4" fill="none" stroke="currentColor" strokeWidth="1.5" />
    </svg>
  );
}

function CopyIcon() {
  return (
    <svg className="button-icon" width="16" height="16" viewBox="0 0 16 16" aria-hidden="true" focusable="false">
      <rect x="5.5" y="5.5" width="8" height="9" rx="1.5" fill="none" stroke="currentColor" strokeWidth="1.5" />
      <path
        d="M3.5 10.5h-.5a1.5 1.5 0 0 1-1.5-1.5V3A1.5 1.5 0 0 1 3 1.5h5A1.5 1.5 0 0 1 9.5 3v.5"
        fill="none"
        stroke="currentColor"
        strokeWidth="1.5"
      />
    </svg>
  );
}
