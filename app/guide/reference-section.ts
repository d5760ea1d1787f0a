// The guide (docs/language.md) shows parts of the language reference (docs/reference.md) where
// it has a marker `<!-- reference: 10.1 -->`, so a rule is written once, in the reference, and
// the learner still reads it in the guide.
const MARKER = /^<!-- reference: ([0-9.]+) -->$/gm;

/** The body of the reference's subsection `### <number> …`, up to the next heading. */
export function referenceSection(reference: string, number: string): string {
  const lines = reference.split('\n');
  const start = lines.findIndex((l) => l.startsWith(`### ${number} `));
  if (start < 0) throw new Error(`docs/reference.md has no section ${number}`);
  const end = lines.findIndex((l, i) => i > start && /^#{2,3} /.test(l));
  return lines
    .slice(start + 1, end < 0 ? undefined : end)
    .join('\n')
    .trim();
}

/** The guide with every marker replaced by the reference's section it names. */
export function withReferenceSections(guide: string, reference: string): string {
  return guide.replace(MARKER, (_, number: string) => referenceSection(reference, number));
}
