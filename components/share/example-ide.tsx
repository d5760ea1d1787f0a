'use client';
// An example's IDE: Share in its toolbar (as on the main page), and links to the previous and
// next examples of the gallery, so a learner can walk through them in order.
import Link from 'next/link';
import { Ide, type IdeProps } from '@/components/ide/ide';
import { usePreferences } from '@/components/preferences';
import { ShareButton } from './share-button';

export interface ExampleLink {
  slug: string;
  titleNe: string;
  titleEn: string;
}

export function ExampleIde({
  previous,
  next,
  ...props
}: Omit<IdeProps, 'toolbarExtras'> & { previous: ExampleLink | null; next: ExampleLink | null }) {
  const { t, lang } = usePreferences();
  const title = (e: ExampleLink) => (lang === 'ne' ? e.titleNe : e.titleEn);
  return (
    <Ide
      {...props}
      toolbarExtras={(state) => (
        <>
          <nav className="example-pager" aria-label={t('examples.pager')}>
            {previous && (
              <Link
                href={`/examples/${previous.slug}`}
                prefetch={false}
                className="button button-quiet"
                rel="prev"
                data-testid="example-previous"
                title={`${t('examples.previous')}: ${title(previous)}`}
                aria-label={`${t('examples.previous')}: ${title(previous)}`}
              >
                ← <span className="example-pager-title">{title(previous)}</span>
              </Link>
            )}
            {next && (
              <Link
                href={`/examples/${next.slug}`}
                prefetch={false}
                className="button button-quiet"
                rel="next"
                data-testid="example-next"
                title={`${t('examples.next')}: ${title(next)}`}
                aria-label={`${t('examples.next')}: ${title(next)}`}
              >
                <span className="example-pager-title">{title(next)}</span> →
              </Link>
            )}
          </nav>
          <ShareButton state={state} title={typeof props.title === 'string' ? props.title : undefined} />
        </>
      )}
    />
  );
}
