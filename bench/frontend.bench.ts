// Front-end speed on a realistic 5,000-line program (target: under 100 ms), its phases,
// a keystroke-sized check for the IDE, and front end + C generation when the back end exists.
// Run: npm run bench -- frontend
import { existsSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { analyse, check } from '../lib/compiler/index';
import { compileFrontEnd } from '../lib/compiler/frontend/index';
import type { Program } from '../lib/compiler/frontend/ast';
import { checkProgram } from '../lib/compiler/frontend/checker';
import { DiagnosticBag } from '../lib/compiler/frontend/diagnostics';
import { tokenize } from '../lib/compiler/frontend/lexer';
import { parse } from '../lib/compiler/frontend/parser';
import { normaliseSource } from '../lib/compiler/frontend/source';

const WARMUP = 5;
const RUNS = 25;
const TARGET_LINES = 5000;

function devanagari(n: number): string {
  return String(n).replace(/[0-9]/g, (d) => String.fromCharCode(0x0966 + Number(d)));
}

// One section of a typical learner's program: a function with loops and conditions, a map,
// a while loop and a repeat, about 25 lines.
function section(k: number): string {
  const n = devanagari(k);
  return `# खण्ड ${n}
कार्य गणना_${n}(सूची, सीमा)
    राख जम्मा = ०
    हरेक i = ० देखि लम्बाइ(सूची) - १ सम्म
        यदि सूची[i] % २ == ० र सूची[i] < सीमा भने
            जम्मा = जम्मा + सूची[i] * २
        नत्र यदि सूची[i] > सीमा वा होइन सत्य भने
            जारी
        नत्र
            जम्मा = जम्मा - १
        अन्त्य
    अन्त्य
    फर्काउ जम्मा
अन्त्य
राख तथ्याङ्क_${n} = {"नाम": "खण्ड", "मान": [१, २, ३.५, ${n}]}
राख परिणाम_${n} = गणना_${n}([१, २, ३, ४, ${n}], १०)
जबसम्म परिणाम_${n} > ०
    परिणाम_${n} = परिणाम_${n} // २
    देखाउ("परिणाम:", परिणाम_${n}, तथ्याङ्क_${n}["नाम"])
अन्त्य
दोहोर्याउ २ पटक
    लेख(पाठ(${n}) + "\\n", -२ ** २)
अन्त्य
हरेक फल ["स्याउ", "केरा"] मा
    देखाउ(फल, समावेश(तथ्याङ्क_${n}, फल))
अन्त्य
`;
}

function program(lines: number): string {
  let source = '';
  for (let k = 0; source.split('\n').length <= lines; k++) source += section(k);
  return source;
}

interface Timing {
  median: number; // wall-clock ms
  min: number; // best wall-clock ms
  cpu: number; // median CPU ms of this process: what the code costs even when the machine is busy
}

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)];
}

function measure(run: () => unknown): Timing {
  for (let i = 0; i < WARMUP; i++) run();
  const wall: number[] = [];
  const cpu: number[] = [];
  for (let i = 0; i < RUNS; i++) {
    const startCpu = process.cpuUsage();
    const start = performance.now();
    run();
    wall.push(performance.now() - start);
    const used = process.cpuUsage(startCpu);
    cpu.push((used.user + used.system) / 1000);
  }
  return { median: median(wall), min: Math.min(...wall), cpu: median(cpu) };
}

async function loadGenerator(): Promise<((program: Program) => string) | null> {
  const root = path.dirname(path.dirname(fileURLToPath(import.meta.url)));
  if (!existsSync(path.join(root, 'lib/compiler/backend/index.ts'))) return null;
  const backend = await import('../lib/compiler/backend/index');
  return typeof backend.generateC === 'function' ? (p: Program) => backend.generateC(p) : null;
}

async function main(): Promise<void> {
  const source = program(TARGET_LINES);
  const lineCount = source.split('\n').length;
  // NFC changes every line (a decomposed é in a comment): the column-map path, still error-free.
  const decomposed = source.replace(/\n/g, ' # ne\u0301\n');
  // Every न decomposed to न + nukta composes to ऩ: keywords break, ~2,000 diagnostics.
  const broken = source.replace(/न/g, 'न\u093c');
  const small = section(1) + section(2);
  const rows: [string, Timing][] = [];

  const clean = compileFrontEnd(source);
  if (!clean.program) throw new Error(`benchmark program has errors: ${JSON.stringify(clean.diagnostics.slice(0, 3))}`);

  rows.push(['normalise + lex', measure(() => tokenize(normaliseSource(source), new DiagnosticBag()))]);
  const tokens = tokenize(normaliseSource(source), new DiagnosticBag());
  rows.push([
    'parse (tokens copied first)',
    measure(() =>
      parse(
        tokens.map((t) => ({ ...t })),
        new DiagnosticBag(),
      ),
    ),
  ]);
  rows.push([
    'parse + check (resolve)',
    measure(() => {
      const { program: tree } = parse(
        tokens.map((t) => ({ ...t })),
        new DiagnosticBag(),
      );
      checkProgram(tree, new DiagnosticBag(), { blocksUnclosed: false });
    }),
  ]);
  rows.push(['front end, whole', measure(() => compileFrontEnd(source))]);
  rows.push(['front end, NFC changes every line', measure(() => compileFrontEnd(decomposed))]);
  const brokenCount = compileFrontEnd(broken).diagnostics.length;
  rows.push([`front end, ${brokenCount} diagnostics`, measure(() => compileFrontEnd(broken))]);
  rows.push([`check(), IDE keystroke (${small.split('\n').length} lines)`, measure(() => check(small))]);
  rows.push([`analyse(), IDE completion (${small.split('\n').length} lines)`, measure(() => analyse(small))]);

  const generate = await loadGenerator();
  if (generate) rows.push(['front end + C generation', measure(() => generate(compileFrontEnd(source).program!))]);

  console.log(`Front end on a ${lineCount}-line program (${source.length} UTF-16 units, ${tokens.length} tokens)`);
  console.log(
    `Node ${process.version}, ${os.cpus()[0]?.model ?? 'unknown CPU'} × ${os.cpus().length}, ${new Date().toISOString().slice(0, 10)}`,
  );
  console.log(
    `load average ${os
      .loadavg()
      .map((l) => l.toFixed(1))
      .join(', ')}`,
  );
  console.log(`${RUNS} runs after ${WARMUP} warm-up runs; target: whole front end < 100 ms\n`);
  console.log('| stage | median ms | best ms | median CPU ms |');
  console.log('|---|---:|---:|---:|');
  for (const [name, t] of rows)
    console.log(`| ${name} | ${t.median.toFixed(2)} | ${t.min.toFixed(2)} | ${t.cpu.toFixed(2)} |`);
  if (!generate) console.log('\n(C generation skipped: lib/compiler/backend has no generateC yet)');
}

await main();
