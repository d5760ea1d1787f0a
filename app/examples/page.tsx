import type { Metadata } from 'next';
import Link from 'next/link';
import { T } from '@/components/preferences';
import { Localized } from '@/components/localized';
import { PointerHint } from '@/components/pointer-hint';
import { titleMetadata } from '@/lib/i18n/titles';
import { PageTitle } from '@/components/page-title';
import { getExample, listExamples } from './content';

const NAME = { key: 'nav.examples' } as const;
export const metadata: Metadata = { title: titleMetadata(NAME) };

export default function ExamplesPage() {
  const examples = listExamples()
    .map((e) => getExample(e.slug)!)
    .filter(Boolean);
  return (
    <div className="page">
      <PageTitle name={NAME} />
      <h1>
        <T k="examples.title" />
      </h1>
      <p>
        <PointerHint keyboard={<T k="examples.intro" />} touch={<T k="examples.introTouch" />} />
      </p>
      {examples.length === 0 ? (
        <p>
          <T k="examples.none" />
        </p>
      ) : (
        <ul className="examples-grid" data-testid="examples">
          {examples.map((e) => (
            <li key={e.slug} className="example-card">
              <h2>
                <Localized ne={e.titleNe} en={e.titleEn} />
              </h2>
              <pre aria-hidden="true">{e.source.split('\n').slice(0, 6).join('\n')}</pre>
              {/* No prefetch: each example page renders per request (CSP nonce); prefetching every
                  card would cost the server one render per example on each visit of this list. */}
              <Link href={`/examples/${e.slug}`} prefetch={false} data-testid={`example-${e.slug}`}>
                <T k="examples.open" />
              </Link>
            </li>
          ))}
        </ul>
      )}
    </div>
  );
}
