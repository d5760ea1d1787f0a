// The database singleton and its configuration from the environment.
import { describe, it, expect, afterAll } from 'vitest';
import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { dbConfigFromEnv, getDb, getDbHandle, closeDb } from '@/lib/db';
import { newSnippetId } from '@/lib/snippets/id';

describe('configuration', () => {
  it('PGlite in SAJILO_DATA_DIR (or .data/) by default; PostgreSQL when DATABASE_URL is set', () => {
    expect(dbConfigFromEnv({ SAJILO_DATA_DIR: '/srv/sajilo' } as unknown as NodeJS.ProcessEnv)).toEqual({
      kind: 'pglite',
      dir: '/srv/sajilo/pglite',
    });
    expect(dbConfigFromEnv({} as unknown as NodeJS.ProcessEnv)).toEqual({
      kind: 'pglite',
      dir: path.join(process.cwd(), '.data', 'pglite'),
    });
    expect(
      dbConfigFromEnv({
        DATABASE_URL: 'postgresql://u:p@db:5432/sajilo?schema=app&sslmode=require',
      } as unknown as NodeJS.ProcessEnv),
    ).toEqual({ kind: 'postgres', url: 'postgresql://u:p@db:5432/sajilo?sslmode=require', schema: 'app' });
    expect(
      dbConfigFromEnv({
        DATABASE_URL: 'postgresql://db/sajilo',
        SAJILO_DATA_DIR: '/x',
      } as unknown as NodeJS.ProcessEnv),
    ).toEqual({ kind: 'postgres', url: 'postgresql://db/sajilo', schema: null });
  });
});

describe('singleton', () => {
  const dir = mkdtempSync(path.join(os.tmpdir(), 'sajilo-singleton-'));
  afterAll(async () => {
    await closeDb();
    rmSync(dir, { recursive: true, force: true });
  });

  it('opens once, migrates, is shared, and reopens after closeDb', async () => {
    await closeDb();
    delete process.env.DATABASE_URL;
    process.env.SAJILO_DATA_DIR = dir;
    const [a, b] = await Promise.all([getDb(), getDb()]);
    expect(a).toBe(b);
    expect((await getDbHandle()).config).toEqual({ kind: 'pglite', dir: path.join(dir, 'pglite') });
    await a.snippet.create({ data: { id: 'keepMe000001', source: 'x' } });
    await closeDb();
    const c = await getDb();
    expect(c).not.toBe(a);
    expect(await c.snippet.count({ where: { id: 'keepMe000001' } })).toBe(1);
  });
});

describe('snippet ids', () => {
  it('are 12 base62 characters, uniformly spread', () => {
    const counts = new Map<string, number>();
    for (let i = 0; i < 2000; i++) {
      const id = newSnippetId();
      expect(id).toMatch(/^[0-9A-Za-z]{12}$/);
      for (const ch of id) counts.set(ch, (counts.get(ch) ?? 0) + 1);
    }
    expect(counts.size).toBe(62);
    // 24000 characters over 62 symbols: about 387 each; a biased generator strays far.
    for (const n of counts.values()) expect(n).toBeGreaterThan(280);
  });
});
