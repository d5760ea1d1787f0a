// The compile cache: executables keyed by a hash of everything that determines them.
// Layout: <dir>/<kk>/<key>.exe and <key>.json (metadata, written last: it marks the entry
// complete). Writes go to a temp file in the same directory and are renamed into place, so a
// reader never sees half an entry. Only successful builds are stored: the caller never passes
// failures or timeouts here. The cache is bounded; least recently used entries go first.
import { createHash, randomBytes } from 'node:crypto';
import {
  mkdirSync,
  mkdtempSync,
  readFileSync,
  readdirSync,
  renameSync,
  rmSync,
  statSync,
  utimesSync,
  writeFileSync,
} from 'node:fs';
import path from 'node:path';
import { config } from '../../config';
import { cacheDir } from './paths';

export interface CacheMeta {
  sha256: string; // of the executable: a mismatch means a corrupted entry
  compiler: string;
  diagnostics: unknown[]; // warnings of a successful compile, replayed on a hit
  omittedDiagnostics?: number; // warnings beyond those, only counted
}

const STALE_WORKDIR_MS = 60 * 60 * 1000;

export function hashKey(parts: Record<string, unknown>): string {
  return createHash('sha256').update(JSON.stringify(parts)).digest('hex');
}

function fileSha256(file: string): string {
  return createHash('sha256').update(readFileSync(file)).digest('hex');
}

export class CompileCache {
  readonly dir: string;
  readonly maxBytes: number;

  constructor(dir = cacheDir(), maxBytes = config().SAJILO_CACHE_MAX_MB * 2 ** 20) {
    this.dir = dir;
    this.maxBytes = maxBytes;
  }

  private entry(key: string) {
    const sub = path.join(this.dir, key.slice(0, 2));
    return { sub, exe: path.join(sub, `${key}.exe`), meta: path.join(sub, `${key}.json`) };
  }

  /** A verified entry, or null (missing or corrupted: a corrupted one is removed). */
  lookup(key: string): { executable: string; meta: CacheMeta } | null {
    const e = this.entry(key);
    let meta: CacheMeta;
    try {
      meta = JSON.parse(readFileSync(e.meta, 'utf8'));
      if (fileSha256(e.exe) !== meta.sha256) throw new Error('checksum mismatch');
    } catch {
      rmSync(e.meta, { force: true });
      rmSync(e.exe, { force: true });
      return null;
    }
    const now = new Date();
    try {
      utimesSync(e.meta, now, now);
    } catch {
      /* racing eviction: the hit still stands */
    }
    return { executable: e.exe, meta };
  }

  /** Moves a freshly built executable into the cache and returns its cached path. */
  store(key: string, builtExe: string, meta: Omit<CacheMeta, 'sha256'>): string {
    const e = this.entry(key);
    mkdirSync(e.sub, { recursive: true });
    const tmp = `${e.exe}.${randomBytes(6).toString('hex')}.tmp`;
    renameSync(builtExe, tmp);
    const full: CacheMeta = { ...meta, sha256: fileSha256(tmp) };
    renameSync(tmp, e.exe);
    const tmpMeta = `${e.meta}.${randomBytes(6).toString('hex')}.tmp`;
    writeFileSync(tmpMeta, JSON.stringify(full));
    renameSync(tmpMeta, e.meta);
    this.evict();
    return e.exe;
  }

  /** A fresh private directory for one compile, on the cache's filesystem (rename works). */
  makeWorkDir(): string {
    const tmp = path.join(this.dir, 'tmp');
    mkdirSync(tmp, { recursive: true });
    return mkdtempSync(path.join(tmp, 'c-'));
  }

  /** Total size of complete entries, oldest use first. */
  private listEntries(): { key: string; sub: string; bytes: number; usedMs: number }[] {
    const out = [];
    for (const sub of safeReaddir(this.dir)) {
      if (sub.length !== 2) continue;
      for (const f of safeReaddir(path.join(this.dir, sub))) {
        if (!f.endsWith('.json')) continue;
        const key = f.slice(0, -5);
        const e = this.entry(key);
        try {
          out.push({ key, sub, bytes: statSync(e.exe).size, usedMs: statSync(e.meta).mtimeMs });
        } catch {
          /* half-removed entry */
        }
      }
    }
    return out.sort((a, b) => a.usedMs - b.usedMs);
  }

  /** Drops least recently used entries until the cache is under 80% of its bound. */
  evict(): void {
    const entries = this.listEntries();
    let total = entries.reduce((s, e) => s + e.bytes, 0);
    if (total <= this.maxBytes) return;
    for (const victim of entries) {
      if (total <= this.maxBytes * 0.8) break;
      const e = this.entry(victim.key);
      rmSync(e.meta, { force: true });
      rmSync(e.exe, { force: true });
      total -= victim.bytes;
    }
    this.sweepWorkDirs();
  }

  /** Work directories left behind by a killed process. */
  sweepWorkDirs(): void {
    const tmp = path.join(this.dir, 'tmp');
    for (const d of safeReaddir(tmp)) {
      const p = path.join(tmp, d);
      try {
        if (Date.now() - statSync(p).mtimeMs > STALE_WORKDIR_MS) rmSync(p, { recursive: true, force: true });
      } catch {
        /* someone else removed it */
      }
    }
  }
}

function safeReaddir(dir: string): string[] {
  try {
    return readdirSync(dir);
  } catch {
    return [];
  }
}
