// Runs before routing (Next.js "proxy", formerly middleware). Kept small: each concern lives in
// lib/http and is one call here.
import type { NextRequest } from 'next/server';
import { NextResponse } from 'next/server';
import { malformedPathResponse } from '@/lib/http/malformed-path';

export function proxy(request: NextRequest) {
  return malformedPathResponse(request.nextUrl.pathname) ?? NextResponse.next();
}

export const config = {
  // Only paths with a percent sign can be malformed; static assets never are.
  matcher: ['/((?!_next/static|_next/image).*%.*)'],
};
