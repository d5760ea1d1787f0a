// docs/interfaces.md carries the API's route table and error-code table, generated from
// lib/api/schemas.ts and lib/api/errors.ts; this test keeps the document equal to the code.
// After changing a route or a code: UPDATE_API_DOCS=1 npx vitest run tests/http/api-docs.test.ts
import { expect, test } from 'vitest';
import { readFileSync, writeFileSync } from 'node:fs';
import * as schemas from '@/lib/api/schemas';
import { API_ROUTES, WRAPPER_ERROR_CODES } from '@/lib/api/schemas';
import { API_ERROR_CODES, API_ERROR_STATUS } from '@/lib/api/errors';
import { STRINGS } from '@/lib/i18n/strings';

const DOC = 'docs/interfaces.md';
const BEGIN = '<!-- api-tables:begin (generated: tests/http/api-docs.test.ts) -->';
const END = '<!-- api-tables:end -->';

function schemaName(schema: unknown): string {
  if (schema === null) return '—';
  const name = Object.entries(schemas).find(([, v]) => v === schema)?.[0];
  if (!name) throw new Error('a route schema that lib/api/schemas.ts does not export');
  return `\`${name}\``;
}

function render(): string {
  const codes = (list: readonly string[]) => list.map((c) => `\`${c}\``).join(', ');
  const routes = API_ROUTES.map(
    (r) => `| ${r.method} | \`${r.path}\` | ${schemaName(r.body)} | ${r.success} | ${codes(r.errors)} |`,
  );
  const errors = API_ERROR_CODES.map((c) => {
    const en = STRINGS.en[`api.${c}`].replace(/\|/g, '\\|');
    return `| \`${c}\` | ${API_ERROR_STATUS[c]} | ${en} |`;
  });
  return [
    BEGIN,
    '',
    `Every route also answers the wrapper's codes (lib/http/route.ts): ${codes(WRAPPER_ERROR_CODES)}.`,
    '',
    '| Method | Path | Request body (lib/api/schemas.ts) | Success | Its own error codes |',
    '|---|---|---|---|---|',
    ...routes,
    '',
    '| Code | Status | English text (`messageEn`; `message` is the Nepali one, both from lib/i18n `api.<code>`) |',
    '|---|---|---|',
    ...errors,
    '',
    END,
  ].join('\n');
}

test('docs/interfaces.md lists every route and every error code exactly as the code has them', () => {
  const doc = readFileSync(DOC, 'utf8');
  const start = doc.indexOf(BEGIN);
  const end = doc.indexOf(END);
  expect(start, 'the generated section is missing').toBeGreaterThanOrEqual(0);
  const current = doc.slice(start, end + END.length);
  if (process.env.UPDATE_API_DOCS) writeFileSync(DOC, doc.replace(current, render()));
  else expect(current).toBe(render());
});
