// A route's successful JSON answer (errors go through lib/http/errors.ts).
export function jsonResponse(body: unknown, status = 200, headers: Record<string, string> = {}): Response {
  return new Response(body === null ? null : JSON.stringify(body), {
    status,
    headers: body === null ? headers : { 'content-type': 'application/json; charset=utf-8', ...headers },
  });
}
