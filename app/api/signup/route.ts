// POST /api/signup {"email", "password", "name"?} → 201 {"id", "email", "name"} | 400 | 409 | 413 | 429
// Rate-limited per IP and per email. The password is hashed (scrypt) and never echoed.
import { getDb } from '@/lib/db';
import { clientIp } from '@/lib/auth/ip';
import { signUp } from '@/lib/auth/users';
import type { SignedUp } from '@/lib/api/schemas';
import { readJson } from '@/lib/http/body';
import { jsonResponse } from '@/lib/http/json';
import { apiMethods, httpRoute } from '@/lib/http/route';

export const dynamic = 'force-dynamic';

const SIGNUP_BODY_BYTES = 4096;

// signUp validates the body with signUpSchema itself, after the per-IP limit has taken its
// point: a stream of malformed sign-ups is limited like any other.
export const { GET, POST, PUT, PATCH, DELETE } = apiMethods({
  POST: httpRoute({ maxBodyBytes: SIGNUP_BODY_BYTES }, async (req: Request) => {
    const user = await signUp(await getDb(), await readJson(req), clientIp(req.headers));
    const answer: SignedUp = { id: user.id, email: user.email, name: user.name };
    return jsonResponse(answer, 201);
  }),
});
