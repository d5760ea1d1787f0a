// /signin: email + password, and GitHub/Google when configured.
import type { Metadata } from 'next';
import { titleMetadata } from '@/lib/i18n/titles';
import { PageTitle } from '@/components/page-title';
import { oauthProviders } from '@/lib/auth/options';
import { SignInForm } from '@/components/account/auth-forms';

export const dynamic = 'force-dynamic';
const NAME = { key: 'account.signIn' } as const;
export const metadata: Metadata = { title: titleMetadata(NAME), robots: { index: false } };

type Props = { searchParams: Promise<{ callbackUrl?: string | string[]; error?: string | string[] }> };
const one = (v: string | string[] | undefined) => (Array.isArray(v) ? v[0] : v);

export default async function SignInPage({ searchParams }: Props) {
  const q = await searchParams;
  return (
    <div className="page">
      <PageTitle name={NAME} />
      <SignInForm providers={oauthProviders()} callbackUrl={one(q.callbackUrl)} initialError={one(q.error)} />
    </div>
  );
}
