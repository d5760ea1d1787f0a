// The signed-in user in server components (pages), from next-auth's session.
import { getServerSession } from 'next-auth';
import { getAuthOptions } from './options';

export async function currentUser(): Promise<{ id: string; name: string | null; email: string | null } | null> {
  const session = await getServerSession(getAuthOptions());
  const user = session?.user as { id?: string; name?: string | null; email?: string | null } | undefined;
  if (!user?.id) return null;
  return { id: user.id, name: user.name ?? null, email: user.email ?? null };
}
