import type { Metadata } from 'next';
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { marked } from 'marked';
import { T } from '@/components/preferences';

export const metadata: Metadata = { title: 'भाषा निर्देशिका · Language guide' };

// Rendered once, at build time, from docs/language.md (our own text, so its HTML is trusted).
function guideHtml(): string | null {
  const file = path.join(process.cwd(), 'docs', 'language.md');
  if (!existsSync(file)) return null;
  return marked.parse(readFileSync(file, 'utf8'), { async: false, gfm: true }) as string;
}

export default function GuidePage() {
  const html = guideHtml();
  return (
    <div className="page">
      {html ? (
        <article className="prose" lang="ne" dangerouslySetInnerHTML={{ __html: html }} />
      ) : (
        <>
          <h1><T k="guide.title" /></h1>
          <p><T k="guide.missing" /></p>
        </>
      )}
    </div>
  );
}
