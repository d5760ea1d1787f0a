import type { Metadata } from 'next';
import { notFound } from 'next/navigation';
import { ExampleIde } from '@/components/share/example-ide';
import { titleMetadata } from '@/lib/i18n/titles';
import { PageTitle } from '@/components/page-title';
import { getExample, listExamples } from '../content';

export const dynamicParams = false;

export function generateStaticParams() {
  return listExamples().map((e) => ({ slug: e.slug }));
}

export async function generateMetadata({ params }: { params: Promise<{ slug: string }> }): Promise<Metadata> {
  const e = getExample((await params).slug);
  return { title: e ? titleMetadata({ ne: e.titleNe, en: e.titleEn }) : undefined };
}

export default async function ExamplePage({ params }: { params: Promise<{ slug: string }> }) {
  const example = getExample((await params).slug);
  if (!example) notFound();
  const all = listExamples();
  const at = all.findIndex((e) => e.slug === example.slug);
  return (
    <>
      <PageTitle name={{ ne: example.titleNe, en: example.titleEn }} />
      <ExampleIde
        previous={all[at - 1] ?? null}
        next={all[at + 1] ?? null}
        initialSource={example.source}
        initialStdin={example.stdin}
        draftKey={`draft:example:${example.slug}`}
        title={example.titleNe}
      />
    </>
  );
}
