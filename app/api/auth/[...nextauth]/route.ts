// next-auth's own routes (sign-in, sign-out, session, csrf, OAuth callbacks). The options are
// built per request, so a production server without NEXTAUTH_SECRET fails here loudly rather
// than at build time. A credentials sign-in that the sign-in limiter would refuse is answered
// 429 with Retry-After before next-auth sees it.
import { getAuthOptions } from '@/lib/auth/options';
import { precheckCredentials } from '@/lib/auth/credentials-precheck';
import { errorResponse } from '@/lib/snippets/http';
import { httpRoute } from '@/lib/http/route';
import { NEXT_AUTH_MEDIA_TYPES, nextAuthResponse } from '@/lib/http/next-auth';

const MAX_AUTH_BODY = 16 * 1024;

export const dynamic = 'force-dynamic';

type Ctx = { params: Promise<{ nextauth: string[] }> };

async function handler(req: Request, ctx: Ctx): Promise<Response> {
  try {
    const { nextauth } = await ctx.params;
    if (req.method === 'POST' && nextauth?.[0] === 'callback' && nextauth?.[1] === 'credentials') {
      await precheckCredentials(req);
    }
    return await nextAuthResponse(req, nextauth, getAuthOptions());
  } catch (err) {
    return errorResponse(err);
  }
}

// next-auth's forms are tiny: the body is cut off at MAX_AUTH_BODY before anything parses it.
const limited = httpRoute({ maxBodyBytes: MAX_AUTH_BODY, mediaTypes: NEXT_AUTH_MEDIA_TYPES }, handler);
export { limited as GET, limited as POST };
