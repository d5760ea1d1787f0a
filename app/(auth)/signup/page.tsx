// /signup: a new account with email and password.
import type { Metadata } from 'next';
import { titleMetadata } from '@/lib/i18n/titles';
import { PageTitle } from '@/components/page-title';
import { SignUpForm } from '@/components/account/auth-forms';

export const dynamic = 'force-dynamic';
const NAME = { key: 'account.signUp' } as const;
export const metadata: Metadata = { title: titleMetadata(NAME), robots: { index: false } };

type Props = { searchParams: Promise<{ callbackUrl?: string | string[] }> };

export default async function SignUpPage({ searchParams }: Props) {
  const q = await searchParams;
  const callbackUrl = Array.isArray(q.callbackUrl) ? q.callbackUrl[0] : q.callbackUrl;
  return (
    <div className="page">
      <PageTitle name={NAME} />
      <SignUpForm callbackUrl={callbackUrl} />
    </div>
  );
}
