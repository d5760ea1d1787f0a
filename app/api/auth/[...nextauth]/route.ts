// next-auth's own routes (sign-in, sign-out, session, csrf, OAuth callbacks). The options are
// built per request, so a production server without NEXTAUTH_SECRET fails here loudly rather
// than at build time. A credentials sign-in that the sign-in limiter would refuse is answered
// 429 rate_limited with Retry-After before next-auth sees it. next-auth answers in its own
// forms (redirects, its pages, its JSON); the wrapper's and our refusals use the one error shape.
import { getAuthOptions } from '@/lib/auth/options';
import { precheckCredentials } from '@/lib/auth/credentials-precheck';
import { apiMethods, httpRoute } from '@/lib/http/route';
import { NEXT_AUTH_MEDIA_TYPES, nextAuthResponse } from '@/lib/http/next-auth';

const MAX_AUTH_BODY = 16 * 1024;

export const dynamic = 'force-dynamic';

type Ctx = { params: Promise<{ nextauth: string[] }> };

async function handler(req: Request, ctx: Ctx): Promise<Response> {
  const { nextauth } = await ctx.params;
  if (req.method === 'POST' && nextauth?.[0] === 'callback' && nextauth?.[1] === 'credentials') {
    await precheckCredentials(req);
  }
  return nextAuthResponse(req, nextauth, getAuthOptions());
}

// next-auth's forms are tiny: the body is cut off at MAX_AUTH_BODY before anything parses it.
const limited = httpRoute({ maxBodyBytes: MAX_AUTH_BODY, mediaTypes: NEXT_AUTH_MEDIA_TYPES }, handler);
export const { GET, POST, PUT, PATCH, DELETE } = apiMethods({ GET: limited, POST: limited });
