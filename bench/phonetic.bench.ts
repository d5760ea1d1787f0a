// Phonetic input engine speed, per keystroke, with programs of growing size (target: well
// under 1 ms per keystroke, so the editor stays inside one 16 ms frame). Measures the
// composer's work for each key of a line of code (candidates included), the cost of indexing a
// program's names, and of indexing them again after an edit (a new array, mostly old names). The browser's keystroke-to-screen latency is measured by the
// editor's own benchmark; this is the engine's share of it.
// Run: npm run bench -- phonetic
import os from 'node:os';
import { CandidateIndex, PhoneticComposer, transliterate } from '../lib/keyboard/index';

const SYLLABLES = [
  'ka',
  'ra',
  'ma',
  'la',
  'sa',
  'ta',
  'na',
  'pa',
  'ga',
  'da',
  'ba',
  'ja',
  'ha',
  'ya',
  'va',
  'cha',
  'kha',
  'tha',
  'dha',
  'bha',
];
const VOWELS = ['', 'a', 'i', 'u', 'e', 'o'];
const LINE = 'yadi jamma < seemaa bhane dekhau(naamharu, jamma) harek kuraa maa suchii ';
const REPEAT = 40;

/** `count` distinct names as a learner writes them (two to four syllables, some with digits). */
function names(count: number): string[] {
  const out = new Set<string>();
  let seed = 12345;
  const next = (n: number) => {
    seed = (Math.imul(seed, 1103515245) + 12345) >>> 0; // 32-bit LCG: a fixed, repeatable sequence
    return (seed >>> 8) % n;
  };
  while (out.size < count) {
    const length = 2 + next(3);
    let latin = '';
    for (let i = 0; i < length; i++) latin += SYLLABLES[next(SYLLABLES.length)] + VOWELS[next(VOWELS.length)];
    out.add(transliterate(latin) + (next(4) === 0 ? `_${transliterate(String(next(100)))}` : ''));
  }
  return [...out];
}

function percentile(sorted: readonly number[], p: number): number {
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))];
}

const us = (ms: number) => `${(ms * 1000).toFixed(1)} µs`;

function keystrokes(programNames: readonly string[]): number[] {
  const composer = new PhoneticComposer({ names: () => programNames });
  const times: number[] = [];
  for (let r = 0; r < REPEAT; r++) {
    for (const ch of LINE) {
      const event = { key: ch, code: '', shiftKey: false, ctrlKey: false, altKey: false, metaKey: false };
      const start = performance.now();
      composer.key(event, 'code');
      times.push(performance.now() - start);
    }
  }
  return times.sort((a, b) => a - b);
}

console.log(
  `machine: ${os.cpus()[0]?.model ?? 'unknown'}, ${os.cpus().length} cores, load ${os.loadavg()[0].toFixed(2)}`,
);
console.log(`typing "${LINE.trim()}" ${REPEAT} times per row; every key goes through PhoneticComposer.key`);
console.log('');
console.log(
  '| names in program | index build, first | index rebuild, same names in a new array | keystroke p50 | keystroke p95 | keystroke p99 | keystroke max |',
);
console.log('|---:|---:|---:|---:|---:|---:|---:|');
for (const count of [0, 1000, 5000, 20000]) {
  const programNames = names(count);
  const buildStart = performance.now();
  new CandidateIndex(programNames);
  const build = performance.now() - buildStart;
  const rebuildStart = performance.now();
  new CandidateIndex([...programNames]);
  const rebuild = performance.now() - rebuildStart;
  keystrokes(programNames); // warm up (JIT, and the index cached for this array)
  const times = keystrokes(programNames);
  console.log(
    `| ${count} | ${build.toFixed(1)} ms | ${rebuild.toFixed(1)} ms | ${us(percentile(times, 50))} | ${us(percentile(times, 95))} | ${us(percentile(times, 99))} | ${us(times[times.length - 1])} |`,
  );
}
