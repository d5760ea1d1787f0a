// POST /api/signup {"email", "password", "name"?} → 201 {"id", "email", "name"} | 400 | 409 | 413 | 429
// Rate-limited per IP and per email. The password is hashed (scrypt) and never echoed.
import { getDb } from '@/lib/db';
import { clientIp } from '@/lib/auth/ip';
import { signUp } from '@/lib/auth/users';
import { json, readJson, route } from '@/lib/snippets/http';

export const dynamic = 'force-dynamic';

export const POST = route(async (req: Request) => {
  const body = await readJson(req, 4096);
  const user = await signUp(await getDb(), body, clientIp(req.headers));
  return json({ id: user.id, email: user.email, name: user.name }, 201);
});
