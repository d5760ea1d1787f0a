import Link from 'next/link';
import { T } from '@/components/preferences';
import { PageTitle } from '@/components/page-title';

export default function NotFound() {
  return (
    <div className="page">
      <PageTitle name={{ key: 'notFound.title' }} />
      <h1>
        <T k="notFound.title" />
      </h1>
      <p>
        <T k="notFound.body" />
      </p>
      <p>
        <Link href="/">
          <T k="notFound.home" />
        </Link>
      </p>
    </div>
  );
}
