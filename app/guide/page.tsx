import type { Metadata } from 'next';
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { Marked, type Tokens } from 'marked';
import { T } from '@/components/preferences';
import { tryHref } from '@/app/try/link';
import { headingId } from './heading-id';
import { withReferenceSections } from './reference-section';
import { titleMetadata } from '@/lib/i18n/titles';
import { PageTitle } from '@/components/page-title';

const NAME = { key: 'guide.title' } as const;
export const metadata: Metadata = { title: titleMetadata(NAME) };

const escapeHtml = (s: string) => s.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);

// Sajilo code blocks get a link that opens them in the IDE; headings get ids, which the
// contents' links point at.
const marked = new Marked({
  gfm: true,
  renderer: {
    heading({ tokens, depth, text }: Tokens.Heading) {
      return `<h${depth} id="${escapeHtml(headingId(text))}">${this.parser.parseInline(tokens)}</h${depth}>\n`;
    },
    code({ text, lang }: Tokens.Code) {
      const block = `<pre><code${lang ? ` class="language-${escapeHtml(lang)}"` : ''}>${escapeHtml(text)}\n</code></pre>\n`;
      if (lang !== 'sajilo' && lang !== 'saj') return block;
      // The page is rendered once for both interface languages: the link carries both labels
      // and the stylesheet shows the one of the interface (globals.css, [data-ui-lang]).
      return `${block}<p class="try-it"><a href="${escapeHtml(tryHref(text))}"><span lang="ne" data-ui-lang="ne">▶ सम्पादकमा चलाउनुहोस्</span><span lang="en" data-ui-lang="en">▶ Try it</span></a></p>\n`;
    },
  },
});

// Rendered once, at build time, from docs/language.md with the sections of docs/reference.md it
// points at (our own text, so its HTML is trusted).
function guideHtml(): string | null {
  const file = path.join(process.cwd(), 'docs', 'language.md');
  const reference = path.join(process.cwd(), 'docs', 'reference.md');
  if (!existsSync(file) || !existsSync(reference)) return null;
  const guide = withReferenceSections(readFileSync(file, 'utf8'), readFileSync(reference, 'utf8'));
  return marked.parse(guide, { async: false }) as string;
}

export default function GuidePage() {
  const html = guideHtml();
  return (
    <div className="page">
      <PageTitle name={NAME} />
      {html ? (
        <article className="prose" lang="ne" dangerouslySetInnerHTML={{ __html: html }} />
      ) : (
        <>
          <h1>
            <T k="guide.title" />
          </h1>
          <p>
            <T k="guide.missing" />
          </p>
        </>
      )}
    </div>
  );
}
