// The guide's contents are links, and each points at a heading of the guide as /guide renders
// it (and as GitHub names it).
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { headingId } from '@/app/guide/heading-id';
import { referenceSection, withReferenceSections } from '@/app/guide/reference-section';

const guide = readFileSync(path.resolve(__dirname, '../../docs/language.md'), 'utf8');

describe('the guide contents', () => {
  const links = [...guide.matchAll(/\]\(#([^)]+)\)/g)].map((m) => m[1]);
  const ids = [...guide.matchAll(/^#{1,6} (.+)$/gm)].map((m) => headingId(m[1]));

  it('links every numbered section', () => {
    expect(links.length).toBe(guide.match(/^## /gm)!.length);
  });

  it.each(links)('#%s is a heading', (id) => {
    expect(ids).toContain(id);
  });

  it('names headings as GitHub does', () => {
    expect(headingId('१. पहिलो कार्यक्रम — Your first program')).toBe('१-पहिलो-कार्यक्रम--your-first-program');
    expect(headingId('### `हरेक` … मा — for each'.slice(4))).toBe('हरेक--मा--for-each');
  });
});

describe('the guide shows the reference instead of restating it', () => {
  const reference = readFileSync(path.resolve(__dirname, '../../docs/reference.md'), 'utf8');

  it('splices the reference section each marker names into the guide', () => {
    const markers = [...guide.matchAll(/^<!-- reference: ([0-9.]+) -->$/gm)].map((m) => m[1]);
    expect(markers).toEqual(['10.1']);
    const shown = withReferenceSections(guide, reference);
    expect(shown).not.toContain('<!-- reference:');
    const section = referenceSection(reference, '10.1');
    expect(section).toMatch(/^\*\*Statements and blocks\*\*/);
    expect(section).not.toContain('### 10.2');
    expect(shown).toContain(section);
  });

  it('names a missing section instead of showing nothing', () => {
    expect(() => referenceSection(reference, '99.9')).toThrow(/no section 99.9/);
  });
});
