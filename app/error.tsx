'use client';
import { useEffect } from 'react';
import { T } from '@/components/preferences';
import { PageTitle } from '@/components/page-title';

export default function ErrorPage({ error, reset }: { error: Error & { digest?: string }; reset: () => void }) {
  useEffect(() => {
    console.error(error);
  }, [error]);
  return (
    <div className="page" role="alert">
      <PageTitle name={{ key: 'errorPage.title' }} />
      <h1>
        <T k="errorPage.title" />
      </h1>
      <p>
        <T k="errorPage.body" />
      </p>
      <button type="button" className="button" onClick={reset}>
        <T k="errorPage.retry" />
      </button>
    </div>
  );
}
