// POST /api/run when the compiler itself fails (here its driver: the compile cache cannot be
// created): a 200 with a failed compile and one diagnostic asking for a report, never a 500,
// and one server log line with the source's hash, never the source.
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, test, vi } from 'vitest';
import { POST as runPOST } from '@/app/api/run/route';
import { sourceHash } from '@/lib/compiler/failure-log';

const dir = mkdtempSync(path.join(tmpdir(), 'sajilo-api-failure-'));
const savedCacheDir = process.env.SAJILO_CACHE_DIR;
afterAll(() => {
  if (savedCacheDir === undefined) delete process.env.SAJILO_CACHE_DIR;
  else process.env.SAJILO_CACHE_DIR = savedCacheDir;
  rmSync(dir, { recursive: true, force: true });
  vi.restoreAllMocks();
});

describe('POST /api/run: a compiler failure', () => {
  test('is a failed compile with one diagnostic, logged with the hash only', async () => {
    const plainFile = path.join(dir, 'plain-file');
    writeFileSync(plainFile, '');
    process.env.SAJILO_CACHE_DIR = path.join(plainFile, 'cache');
    const logged: string[] = [];
    vi.spyOn(console, 'error').mockImplementation((...args: unknown[]) => {
      logged.push(args.join(' '));
    });
    vi.spyOn(console, 'warn').mockImplementation(() => {});
    const source = 'राख गोप्य = "मेरो पासवर्ड"\nदेखाउ(गोप्य)\n';
    const res = await runPOST(
      new Request('http://localhost/api/run', {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ source }),
      }),
    );
    expect(res.status).toBe(200);
    const body = await res.json();
    expect(body.run).toBeNull();
    expect(body.compile.ok).toBe(false);
    expect(body.compile.diagnostics).toHaveLength(1);
    expect(body.compile.diagnostics[0]).toMatchObject({ line: 1, column: 1, severity: 'error' });
    expect(body.compile.diagnostics[0].messageEn).toContain('please report it');
    const line = logged.find((l) => l.startsWith('[compiler]'));
    expect(line).toContain(`sha256:${sourceHash(source)}`);
    expect(logged.join('\n')).not.toContain('पासवर्ड');
  });
});
