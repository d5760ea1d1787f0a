// next-auth answers a refused credentials sign-in with a redirect; a client that is being
// refused anyway gets a plain 429 with Retry-After instead, before next-auth reads anything
// else. The limiter itself runs in the credentials provider (lib/auth/users.ts), which is what
// makes it hold under parallel requests: this check only peeks.
import { clientIp } from './ip';
import { signInLimiter } from './sign-in-limiter';
import { emailSchema } from '@/lib/validations/auth';
import { tooMany } from '@/lib/snippets/errors';

export async function precheckCredentials(req: Request): Promise<void> {
  const form = await req
    .clone()
    .formData()
    .catch(() => null);
  const email = emailSchema.safeParse(form?.get('email'));
  const wait = await (await signInLimiter()).waitSeconds(email.success ? email.data : null, clientIp(req.headers));
  if (wait > 0) throw tooMany(wait);
}
