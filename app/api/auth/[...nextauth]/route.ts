// next-auth's own routes (sign-in, sign-out, session, csrf, OAuth callbacks). The options are
// built per request, so a production server without NEXTAUTH_SECRET fails here loudly rather
// than at build time. A credentials sign-in that the sign-in limiter would refuse is answered
// 429 with Retry-After before next-auth sees it.
import NextAuth from 'next-auth';
import { getAuthOptions } from '@/lib/auth/options';
import { precheckCredentials } from '@/lib/auth/credentials-precheck';
import { assertCallbackUrls } from '@/lib/auth/callback-url';
import { errorResponse } from '@/lib/snippets/http';
import { ApiError } from '@/lib/snippets/errors';

const MAX_AUTH_BODY = 16 * 1024;

export const dynamic = 'force-dynamic';

type Ctx = { params: Promise<{ nextauth: string[] }> };

async function handler(req: Request, ctx: Ctx): Promise<Response> {
  try {
    const { nextauth } = await ctx.params;
    // next-auth reads whole bodies; its forms are tiny, so refuse anything declared large.
    if (Number(req.headers.get('content-length') ?? '0') > MAX_AUTH_BODY) {
      throw new ApiError(413, 'request body too large');
    }
    assertCallbackUrls(req);
    if (req.method === 'POST' && nextauth?.[0] === 'callback' && nextauth?.[1] === 'credentials') {
      await precheckCredentials(req);
    }
    return await NextAuth(req as never, ctx as never, getAuthOptions());
  } catch (err) {
    return errorResponse(err);
  }
}

export { handler as GET, handler as POST };
