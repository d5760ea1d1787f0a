// Any /api path no route claims: a 404 in the API's error shape, with the same HTTP rules
// and headers as every other API answer (rather than Next's HTML page).
import { httpError } from '@/lib/http/errors';
import { IGNORED_BODY_BYTES, httpRoute } from '@/lib/http/route';

export const dynamic = 'force-dynamic';

const notFound = httpRoute({ maxBodyBytes: IGNORED_BODY_BYTES }, async () => httpError('not_found'));

export { notFound as GET, notFound as POST, notFound as PUT, notFound as PATCH, notFound as DELETE };
