// Reads the example programs (examples/, filled by the compiler part) on the server, at build
// time. Slugs come from examples/index.json only, never from a request.
import { readFileSync, existsSync } from 'node:fs';
import path from 'node:path';

export interface ExampleEntry {
  slug: string;
  titleNe: string;
  titleEn: string;
}
export interface Example extends ExampleEntry {
  source: string;
  stdin: string;
  expected: string;
}

const dir = path.join(process.cwd(), 'examples');

function read(file: string): string {
  const p = path.join(dir, file);
  return existsSync(p) ? readFileSync(p, 'utf8') : '';
}

export function listExamples(): ExampleEntry[] {
  try {
    const list = JSON.parse(read('index.json') || '[]') as ExampleEntry[];
    return list.filter((e) => /^[a-z0-9-]+$/.test(e.slug) && existsSync(path.join(dir, `${e.slug}.saj`)));
  } catch {
    return [];
  }
}

export function getExample(slug: string): Example | null {
  const entry = listExamples().find((e) => e.slug === slug);
  if (!entry) return null;
  return { ...entry, source: read(`${slug}.saj`), stdin: read(`${slug}.in`), expected: read(`${slug}.out`) };
}
