// POST /api/signup {"email", "password", "name"?} → 201 {"id", "email", "name"} | 400 | 409 | 413 | 429
// Rate-limited per IP and per email. The password is hashed (scrypt) and never echoed.
import { getDb } from '@/lib/db';
import { clientIp } from '@/lib/auth/ip';
import { signUp } from '@/lib/auth/users';
import { json, readJson, route } from '@/lib/snippets/http';
import { httpRoute } from '@/lib/http/route';

export const dynamic = 'force-dynamic';

// The same bound as the handler's own read, applied before any byte reaches it.
const SIGNUP_BODY_BYTES = 4096;

export const POST = httpRoute({ maxBodyBytes: SIGNUP_BODY_BYTES }, route(async (req: Request) => {
  const body = await readJson(req, 4096);
  const user = await signUp(await getDb(), body, clientIp(req.headers));
  return json({ id: user.id, email: user.email, name: user.name }, 201);
}));
