// /signup: a new account with email and password.
import type { Metadata } from 'next';
import { SignUpForm } from '@/components/account/auth-forms';

export const dynamic = 'force-dynamic';
export const metadata: Metadata = { title: 'खाता खोल्नुहोस्', robots: { index: false } };

type Props = { searchParams: Promise<{ callbackUrl?: string | string[] }> };

export default async function SignUpPage({ searchParams }: Props) {
  const q = await searchParams;
  const callbackUrl = Array.isArray(q.callbackUrl) ? q.callbackUrl[0] : q.callbackUrl;
  return (
    <div className="page">
      <SignUpForm callbackUrl={callbackUrl} />
    </div>
  );
}
