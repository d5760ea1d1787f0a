// Small pure helpers behind the account and share UI.
import { describe, it, expect } from 'vitest';
import { spawnSync } from 'node:child_process';
import { mkdtempSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { safeCallback } from '@/components/account/callback';
import { titleFromSource } from '@/components/share/title';
import { previewOf } from '@/lib/snippets/preview';

describe('safeCallback', () => {
  it('keeps same-site paths and turns everything else into /', () => {
    expect(safeCallback('/me')).toBe('/me');
    expect(safeCallback('/s/abcDEF123456?x=1')).toBe('/s/abcDEF123456?x=1');
    for (const bad of [
      undefined,
      null,
      '',
      'https://evil.example/',
      '//evil.example',
      '/\\evil.example',
      'javascript:alert(1)',
      'me',
      '/\t/evil.example',
      '/\n/evil.example',
    ]) {
      expect(safeCallback(bad), String(bad)).toBe('/');
    }
  });
});

describe('titles and previews', () => {
  it('titles come from a first comment line only', () => {
    expect(titleFromSource('\n# मेरो प्रोग्राम\nदेखाउ(1)')).toBe('मेरो प्रोग्राम');
    expect(titleFromSource('देखाउ(1)\n# later')).toBe('');
    expect(titleFromSource('# ' + 'क'.repeat(300)).length).toBe(120);
  });

  it('previews are the first non-empty lines, bounded', () => {
    expect(previewOf('\n\na\n\nb\nc\nd\ne')).toBe('a\nb\nc\nd');
    expect(previewOf('x'.repeat(500)).length).toBe(200);
    expect(previewOf('')).toBe('');
  });
});

describe('start-up check', () => {
  const run = (env: Record<string, string>) =>
    spawnSync(
      process.execPath,
      [
        '--import',
        'tsx',
        '-e',
        "import('@/lib/auth/startup').then((m) => { m.checkAuthSecretAtStart(); console.log('started'); })",
      ],
      {
        cwd: process.cwd(),
        encoding: 'utf8',
        env: {
          PATH: process.env.PATH ?? '',
          SAJILO_DATA_DIR: mkdtempSync(path.join(os.tmpdir(), 'sajilo-start-')),
          ...env,
        } as unknown as NodeJS.ProcessEnv,
      },
    );

  it('production with DATABASE_URL and no NEXTAUTH_SECRET refuses to start (exit 1, one clear line)', () => {
    const r = run({ NODE_ENV: 'production', DATABASE_URL: 'postgresql://db/sajilo' });
    expect(r.status).toBe(1);
    expect(r.stderr).toMatch(/refusing to start: NEXTAUTH_SECRET is not set/);
    expect(r.stdout).not.toMatch(/started/);
  });

  it('starts with a secret in production, and without one for the embedded default', () => {
    const withSecret = run({
      NODE_ENV: 'production',
      DATABASE_URL: 'postgresql://db/sajilo',
      NEXTAUTH_SECRET: 'y'.repeat(40),
    });
    expect(withSecret.stdout).toMatch(/started/);
    const embedded = run({ NODE_ENV: 'production' });
    expect(embedded.status).toBe(0);
    expect(embedded.stdout).toMatch(/started/);
  });
});
