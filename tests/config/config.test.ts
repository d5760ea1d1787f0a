// One validated configuration: every variable the schema reads is documented in
// docs/configuration.md and the other way round; nothing outside lib/config reads the
// environment except the files the document lists with their reason; an invalid value stops
// with the variable's name in the message (here, and for real in `npm start`).
import { spawnSync } from 'node:child_process';
import { readdirSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { CONFIG_KEYS, ConfigError, config } from '@/lib/config';

const root = path.resolve(import.meta.dirname, '../..');
const doc = readFileSync(path.join(root, 'docs/configuration.md'), 'utf8');

/** The first-column variables of the table under `heading` (each cell: one or more `NAME`s). */
function tableVariables(heading: string): Map<string, string> {
  const start = doc.indexOf(heading);
  expect(start, heading).toBeGreaterThanOrEqual(0);
  const section = doc.slice(start + heading.length).split('\n## ')[0];
  const found = new Map<string, string>();
  for (const line of section.split('\n')) {
    const cells = line.split('|').map((c) => c.trim());
    if (cells.length < 4 || !cells[1].startsWith('`')) continue;
    for (const m of cells[1].matchAll(/`([A-Z][A-Z0-9_]*)`/g)) found.set(m[1], cells[2]);
  }
  return found;
}

const SOURCES = [
  'lib',
  'app',
  'components',
  'sandbox',
  'scripts',
  'bin',
  'prisma',
  'proxy.ts',
  'instrumentation.ts',
  'next.config.js',
  'prisma.config.ts',
];

function sourceFiles(entry: string): string[] {
  const p = path.join(root, entry);
  if (statSync(p).isFile()) return [entry];
  return readdirSync(p, { withFileTypes: true }).flatMap((e) => {
    if (e.name === 'generated' || e.name === 'node_modules') return [];
    const rel = path.join(entry, e.name);
    if (e.isDirectory()) return sourceFiles(rel);
    return /\.(ts|tsx|mts|mjs|js|c)$/.test(e.name) ? [rel] : [];
  });
}

describe('docs/configuration.md', () => {
  it('documents every variable of the schema, and no validated variable the schema lacks', () => {
    const documented = [...tableVariables('## Validated settings (`lib/config/index.ts`)').keys()].sort();
    expect(documented).toEqual([...CONFIG_KEYS].sort());
  });

  it('lists every environment read outside lib/config, with the file that reads it', () => {
    const exceptions = tableVariables('## Read outside `lib/config` (and why)');
    const reads: string[] = [];
    for (const file of SOURCES.flatMap(sourceFiles)) {
      if (file.startsWith(path.join('lib', 'config'))) continue;
      const text = readFileSync(path.join(root, file), 'utf8');
      const names = [
        ...text.matchAll(
          /process\.env\.([A-Z][A-Z0-9_]*)|process\.env\[['"]([A-Z0-9_]+)['"]\]|getenv\("([A-Z0-9_]+)"\)/g,
        ),
      ].map((m) => m[1] ?? m[2] ?? m[3]);
      for (const name of names) {
        reads.push(name);
        expect(
          exceptions.has(name),
          `${file} reads ${name}: read it through lib/config, or list it with the reason`,
        ).toBe(true);
        const readers = exceptions.get(name)!;
        expect(
          readers.includes(file) || readers.includes(`${path.dirname(file)}/*`),
          `${name} is read by ${file}`,
        ).toBe(true);
      }
    }
    expect(reads.length).toBeGreaterThan(0); // the scan found the known exceptions
  });
});

describe('an invalid value stops with the variable named', () => {
  const cases: [string, string][] = [
    ['PORT', '70000'],
    ['SAJILO_DB_POOL', '0'],
    ['SAJILO_CACHE_MAX_MB', 'lots'],
    ['SAJILO_CC', 'clang'],
    ['DATABASE_URL', 'mysql://db/sajilo'],
    ['NEXTAUTH_SECRET', 'short'],
    ['SAJILO_ALLOW_HOST_COMPILE', 'yes'],
    ['SAJILO_SANDBOX_SLOTS', '-1'],
    ['NODE_ENV', 'staging'],
    ['SAJILO_TIERING', 'maybe'],
    ['SAJILO_PUBLIC_URL', 'ftp://x'],
  ];
  for (const [name, value] of cases) {
    it(`${name}=${value}`, () => {
      let thrown: unknown;
      try {
        config({ [name]: value } as NodeJS.ProcessEnv);
      } catch (e) {
        thrown = e;
      }
      expect(thrown).toBeInstanceOf(ConfigError);
      expect((thrown as ConfigError).message).toContain(`${name}:`);
      expect((thrown as ConfigError).variables).toEqual([name]);
    });
  }

  it('takes an empty variable as unset, and fills the defaults', () => {
    const c = config({ SAJILO_CC: '', DATABASE_URL: '', PORT: '' } as unknown as NodeJS.ProcessEnv);
    expect(c.SAJILO_CC).toBeUndefined();
    expect(c.DATABASE_URL).toBeUndefined();
    expect(c.PORT).toBe(3000);
    expect(c.SAJILO_DB_POOL).toBe(10);
  });

  it('names every bad variable at once', () => {
    expect(() => config({ SAJILO_DB_POOL: 'x', SAJILO_CC: 'y' } as unknown as NodeJS.ProcessEnv)).toThrow(
      /SAJILO_DB_POOL:[\s\S]*SAJILO_CC:|SAJILO_CC:[\s\S]*SAJILO_DB_POOL:/,
    );
  });

  it('npm start refuses before building or serving', () => {
    const r = spawnSync(process.execPath, [path.join(root, 'scripts/start.mjs')], {
      cwd: root,
      encoding: 'utf8',
      timeout: 60_000,
      env: { ...process.env, PORT: '3141', SAJILO_DB_POOL: 'many' },
    });
    expect(r.status).toBe(1);
    expect(r.stderr).toMatch(/SAJILO_DB_POOL/);
    expect(r.stdout).not.toMatch(/building|Ready/);
  });
});
