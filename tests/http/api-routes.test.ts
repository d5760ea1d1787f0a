// Every route under app/api against the one HTTP convention, table-driven from API_ROUTES
// (lib/api/schemas.ts): the real handlers, real Requests, a real database (PGlite). A malformed,
// oversized, wrongly typed or wrong-method request is answered in the one error shape
// {"error": code, "message" (Nepali), "messageEn"} with the code's own status; a body that does
// not fit the route's schema is refused with exactly the issues that schema finds.
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { randomUUID } from 'node:crypto';
import { readFileSync, readdirSync, statSync } from 'node:fs';
import path from 'node:path';
import { useTestDb, sessionCookie, request, nextIp, type TestDb } from '../data/helpers';
import { API_ROUTES, WRAPPER_ERROR_CODES } from '@/lib/api/schemas';
import * as apiSchemas from '@/lib/api/schemas';
import { API_ERROR_CODES, API_ERROR_STATUS, apiErrorBodySchema, zodIssues } from '@/lib/api/errors';
import { HTTP_METHODS, type HttpMethod } from '@/lib/http/route';
import { STRINGS } from '@/lib/i18n/strings';
import * as validationsRun from '@/lib/validations/run';
import * as validationsSnippet from '@/lib/validations/snippet';
import * as validationsAuth from '@/lib/validations/auth';
import * as run from '@/app/api/run/route';
import * as check from '@/app/api/check/route';
import * as snippets from '@/app/api/snippets/route';
import * as snippet from '@/app/api/snippets/[id]/route';
import * as fork from '@/app/api/snippets/[id]/fork/route';
import * as restore from '@/app/api/snippets/[id]/restore/route';
import * as shares from '@/app/api/shares/route';
import * as mine from '@/app/api/me/snippets/route';
import * as signup from '@/app/api/signup/route';
import * as health from '@/app/api/health/route';
import * as ready from '@/app/api/ready/route';
import * as metrics from '@/app/api/metrics/route';
import * as auth from '@/app/api/auth/[...nextauth]/route';
import * as unknown from '@/app/api/[...unknown]/route';

type Handler = (req: Request, ctx: unknown) => Promise<Response>;
type RouteModule = Partial<Record<HttpMethod, Handler>>;

const ID = 'AAAAAAAAAAAA';
/** Each documented path: its module, a concrete URL and Next's route context for it. */
const MODULES: Record<
  (typeof API_ROUTES)[number]['path'],
  { module: unknown; url: string; ctx: unknown; file: string }
> = {
  '/api/run': { module: run, url: '/api/run', ctx: {}, file: 'app/api/run/route.ts' },
  '/api/check': { module: check, url: '/api/check', ctx: {}, file: 'app/api/check/route.ts' },
  '/api/snippets': { module: snippets, url: '/api/snippets', ctx: {}, file: 'app/api/snippets/route.ts' },
  '/api/snippets/:id': {
    module: snippet,
    url: `/api/snippets/${ID}`,
    ctx: { params: Promise.resolve({ id: ID }) },
    file: 'app/api/snippets/[id]/route.ts',
  },
  '/api/snippets/:id/fork': {
    module: fork,
    url: `/api/snippets/${ID}/fork`,
    ctx: { params: Promise.resolve({ id: ID }) },
    file: 'app/api/snippets/[id]/fork/route.ts',
  },
  '/api/snippets/:id/restore': {
    module: restore,
    url: `/api/snippets/${ID}/restore`,
    ctx: { params: Promise.resolve({ id: ID }) },
    file: 'app/api/snippets/[id]/restore/route.ts',
  },
  '/api/shares': { module: shares, url: '/api/shares', ctx: {}, file: 'app/api/shares/route.ts' },
  '/api/me/snippets': { module: mine, url: '/api/me/snippets', ctx: {}, file: 'app/api/me/snippets/route.ts' },
  '/api/signup': { module: signup, url: '/api/signup', ctx: {}, file: 'app/api/signup/route.ts' },
  '/api/health': { module: health, url: '/api/health', ctx: {}, file: 'app/api/health/route.ts' },
  '/api/ready': { module: ready, url: '/api/ready', ctx: {}, file: 'app/api/ready/route.ts' },
  '/api/metrics': { module: metrics, url: '/api/metrics', ctx: {}, file: 'app/api/metrics/route.ts' },
  '/api/auth/*': {
    module: auth,
    url: '/api/auth/callback/credentials',
    ctx: { params: Promise.resolve({ nextauth: ['callback', 'credentials'] }) },
    file: 'app/api/auth/[...nextauth]/route.ts',
  },
};
const paths = Object.keys(MODULES) as (keyof typeof MODULES)[];
const handler = (p: keyof typeof MODULES, m: HttpMethod) => (MODULES[p].module as RouteModule)[m]!;
const methodsOf = (p: string) => API_ROUTES.filter((r) => r.path === p).map((r) => r.method as HttpMethod);

/** The one error shape, the code's own status, Nepali and English texts; the body. */
async function expectError(res: Response, code: string, what: string) {
  const body = await res.json();
  expect(body, what).toMatchObject({ error: code });
  expect(apiErrorBodySchema.strict().safeParse(body).success, `${what}: ${JSON.stringify(body)}`).toBe(true);
  expect(res.status, what).toBe(API_ERROR_STATUS[code as keyof typeof API_ERROR_STATUS]);
  expect(body.message, what).toMatch(/[\u0900-\u097F]/);
  expect(body.messageEn, what).not.toMatch(/[\u0900-\u097F]/);
  expect(res.headers.get('content-type'), what).toMatch(/^application\/json/);
  expect(res.headers.get('x-content-type-options'), what).toBe('nosniff');
  return body as { error: string; message: string; messageEn: string; issues?: { path: string; message: string }[] };
}

let db: TestDb;
let cookie: string;
beforeAll(async () => {
  db = await useTestDb('pglite');
  const id = randomUUID();
  await db.handle.prisma.user.create({
    data: { id, email: `routes-${id}@example.org`, name: 'r', updatedAt: new Date() },
  });
  cookie = await sessionCookie(id);
});
afterAll(async () => db?.cleanup());

const call = (
  p: keyof typeof MODULES,
  method: HttpMethod,
  init: { rawBody?: string; headers?: Record<string, string> } = {},
) => handler(p, method)(request(MODULES[p].url, { method, cookie, ip: nextIp(), ...init }), MODULES[p].ctx);

describe('every route, the one convention', () => {
  test('the table covers every route file under app/api, and each exports every method', () => {
    const files: string[] = [];
    const walk = (dir: string) => {
      for (const f of readdirSync(dir)) {
        const full = path.join(dir, f);
        if (statSync(full).isDirectory()) walk(full);
        else if (f === 'route.ts') files.push(path.relative(process.cwd(), full));
      }
    };
    walk('app/api');
    expect(files.sort()).toEqual(
      [...Object.values(MODULES).map((m) => m.file), 'app/api/[...unknown]/route.ts'].sort(),
    );
    for (const p of paths) for (const m of HTTP_METHODS) expect(typeof handler(p, m), `${m} ${p}`).toBe('function');
    for (const m of HTTP_METHODS) expect(typeof (unknown as RouteModule)[m]).toBe('function');
  });

  test('every code has its texts, and only documented statuses', () => {
    for (const code of API_ERROR_CODES) {
      expect([400, 401, 403, 404, 405, 409, 413, 415, 429, 500, 503]).toContain(API_ERROR_STATUS[code]);
      expect(STRINGS.ne[`api.${code}`], code).toMatch(/[\u0900-\u097F]/);
      expect(STRINGS.en[`api.${code}`], code).not.toMatch(/[\u0900-\u097F]/);
    }
    for (const r of API_ROUTES)
      for (const code of [...r.errors, ...WRAPPER_ERROR_CODES]) expect(API_ERROR_CODES).toContain(code);
  });

  test.each(paths)('%s: a method it does not take is 405 method_not_allowed, with Allow', async (p) => {
    const allowed = methodsOf(p);
    for (const m of HTTP_METHODS.filter((x) => !allowed.includes(x))) {
      const res = await call(
        p,
        m,
        m === 'GET' ? {} : { rawBody: '{', headers: { 'content-type': 'application/json' } },
      );
      await expectError(res, 'method_not_allowed', `${m} ${p}`);
      expect(res.headers.get('allow'), `${m} ${p}`).toBe(allowed.join(', '));
    }
  });

  test.each(API_ROUTES.filter((r) => r.method !== 'GET').map((r) => [`${r.method} ${r.path}`, r] as const))(
    '%s: an oversized body is 413 too_large, another media type 415',
    async (_name, r) => {
      const big = 'x'.repeat(8 * 1024 * 1024);
      const res = await call(r.path, r.method, {
        rawBody: big,
        headers: { 'content-type': 'application/json', 'content-length': String(big.length) },
      });
      await expectError(res, 'too_large', `${r.method} ${r.path}`);
      const typed = await call(r.path, r.method, {
        rawBody: 'a',
        headers: { 'content-type': 'text/plain', 'content-length': '1' },
      });
      await expectError(typed, 'unsupported_media_type', `${r.method} ${r.path}`);
    },
  );

  const bodyRoutes = API_ROUTES.filter((r) => r.body !== null);
  test.each(bodyRoutes.map((r) => [`${r.method} ${r.path}`, r] as const))(
    "%s: malformed JSON is 400 bad_json; a body its schema refuses is 400 invalid_request with that schema's issues",
    async (_name, r) => {
      const json = { 'content-type': 'application/json' };
      await expectError(await call(r.path, r.method, { rawBody: '{"source":', headers: json }), 'bad_json', r.path);
      // An empty body is malformed, but where the body is optional (fork: "as stored").
      if (!('optionalBody' in r))
        await expectError(await call(r.path, r.method, { rawBody: '', headers: json }), 'bad_json', r.path);
      for (const wrong of [{}, { source: 5, version: 'x', email: 3 }, []]) {
        const body = await expectError(
          await call(r.path, r.method, { rawBody: JSON.stringify(wrong), headers: json }),
          'invalid_request',
          r.path,
        );
        const own = r.body!.safeParse(wrong);
        expect(own.success).toBe(false);
        expect(body.issues, `${r.path} ${JSON.stringify(wrong)}`).toEqual(zodIssues(own.error!.issues));
        expect(body.messageEn).toContain(`${body.issues![0].path}: ${body.issues![0].message}`.replace(/^: /, ''));
      }
    },
  );

  test('an unknown /api path is 404 not_found for every method', async () => {
    for (const m of HTTP_METHODS) {
      const res = await (unknown as Record<HttpMethod, Handler>)[m](request('/api/nope', { method: m }), {});
      await expectError(res, 'not_found', m);
    }
  });
});

describe('one schema per request body, for server and client', () => {
  test('lib/api/schemas hands out the very schema objects the validations define', () => {
    expect(apiSchemas.runRequestSchema).toBe(validationsRun.runRequestSchema);
    expect(apiSchemas.checkRequestSchema).toBe(validationsRun.checkRequestSchema);
    expect(apiSchemas.snippetCreateSchema).toBe(validationsSnippet.snippetCreateSchema);
    expect(apiSchemas.snippetPatchSchema).toBe(validationsSnippet.snippetPatchSchema);
    expect(apiSchemas.signUpSchema).toBe(validationsAuth.signUpSchema);
  });

  test('route handlers and client code take their request schemas and types from lib/api/schemas only', () => {
    const sources = (dir: string): string[] =>
      readdirSync(dir).flatMap((f) => {
        const full = path.join(dir, f);
        return statSync(full).isDirectory() ? sources(full) : /\.tsx?$/.test(f) ? [full] : [];
      });
    for (const file of [...sources('app/api'), ...sources('components')]) {
      const text = readFileSync(file, 'utf8');
      expect(text, file).not.toMatch(
        /import \{[^}]*\b(runRequestSchema|checkRequestSchema|snippetCreateSchema|snippetPatchSchema|signUpSchema)\b[^}]*\} from '@\/lib\/validations/,
      );
      expect(text, file).not.toMatch(/\bbody: any\b|: any\b/);
    }
  });
});
