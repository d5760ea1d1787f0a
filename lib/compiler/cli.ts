// `sajilo` — the compiler's command-line tool (bin/sajilo.mjs runs its bundle from build/cli/, or this file through tsx).
//   sajilo check FILE [--json]
//   sajilo build FILE -o OUT [--latin-digits] [--optimise]
//   sajilo run FILE [--latin-digits] [--optimise] [--no-sandbox] [--verbose]
//   sajilo worker   (takes runs from the PostgreSQL job queue: lib/run/worker.ts, docs/queue.md)
//   sajilo doctor | --help | --version
// Exit status: 0 ok; 2 compile errors; a runtime error gives the program's own non-zero
// status (1); 64 bad usage; 66 unreadable input; 70 internal error; 124 time limit.
import { copyFileSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { buildExecutable, type BuildOptions } from './build';
import { detectHostTools } from './driver/detect';
import { formatDiagnostics } from './driver/format-diagnostics';
import { REPO_ROOT } from './driver/paths';
import { runDirect } from './driver/run-direct';
import { RuntimeMissingError, loadRuntimeLibs } from './driver/runtime-libs';
import { compileRunner, describeCompilePlacement } from '../run/compile-runner';
import { CLI_RUN_LIMITS } from '../run/limits';
import { probeSlot, runSandboxed } from '../../sandbox/index';
import { describeTiers, tierPlan } from './driver/tiers';
import { availableToolchains, chooseToolchain } from './driver/toolchain';
import { CompilerFailure, oneLine } from './failure';
import { ConfigError } from '../config';
import { compileFrontEnd } from './frontend/index';
import { devanagariDigits } from './frontend/diagnostics';
import { explainVerdict } from '../i18n/run-feedback';

const EXIT = { ok: 0, compile: 2, usage: 64, noInput: 66, internal: 70, timeLimit: 124 } as const;

const HELP = `सजिलो (Sajilo) — नेपाली प्रोग्रामिङ भाषाको कम्पाइलर / the Sajilo compiler

प्रयोग / usage:
  sajilo check FILE [--json]         त्रुटि जाँच / report diagnostics (exit 2 on errors)
  sajilo build FILE -o OUT [options] कार्यक्रम बनाउ / write a static executable
  sajilo run FILE [options]          बनाएर चलाउ / compile and run (stdin/stdout/stderr pass through)
  sajilo doctor                      C कम्पाइलर र स्यान्डबक्स / which C compiler path and sandbox are used
  sajilo worker                      पालो पर्खिरहेका कार्यक्रम चलाउ / run programs from the job queue (DATABASE_URL)

options:
  --latin-digits   अंक 0-9 मा छाप्ने / print numbers with latin digits
  --optimise       छिटो चल्ने कोड (ढिलो कम्पाइल) / best generated code (slower compile)
  --no-sandbox     स्यान्डबक्स बिना सिधै चलाउ (rlimits) / run directly with rlimits (debugging)
  --json           (check) Diagnostic[] JSON
  --verbose        कम्पाइलर, क्यास र समय देखाउ / report compiler path, cache hit and times
  -h, --help       यो सहायता / this help
  --version        संस्करण / version

exit: 0 ok, 2 compile error, program's status on a runtime error, 64 usage, 66 bad input, 70 internal, 124 time limit
env:  SAJILO_CC=tcc-musl|musl-gcc|gcc forces a compile path; SAJILO_CACHE_DIR, SAJILO_CACHE_MAX_MB;
      worker: DATABASE_URL, SAJILO_WORKER_CONCURRENCY (docs/queue.md)`;

class UsageError extends Error {}
class InputError extends Error {}
/** A compiler failure already shown as its diagnostic: exit 70 with nothing more to say. */
class ReportedFailure extends Error {}

interface Args {
  command: string;
  file: string | null;
  out: string | null;
  json: boolean;
  latinDigits: boolean;
  optimise: boolean;
  noSandbox: boolean;
  verbose: boolean;
}

function parseArgs(argv: string[]): Args {
  const a: Args = {
    command: '',
    file: null,
    out: null,
    json: false,
    latinDigits: false,
    optimise: false,
    noSandbox: false,
    verbose: false,
  };
  const flags: Record<string, keyof Args> = {
    '--json': 'json',
    '--latin-digits': 'latinDigits',
    '--optimise': 'optimise',
    '--optimize': 'optimise',
    '--no-sandbox': 'noSandbox',
    '--verbose': 'verbose',
  };
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i];
    if (arg in flags) (a as unknown as Record<string, boolean>)[flags[arg]] = true;
    else if (arg === '-o') {
      if (i + 1 >= argv.length) throw new UsageError('-o needs a file name');
      a.out = argv[++i];
    } else if (arg.startsWith('-') && arg !== '-') throw new UsageError(`unknown option ${arg}`);
    else if (!a.command) a.command = arg;
    else if (!a.file) a.file = arg;
    else throw new UsageError(`unexpected argument ${arg}`);
  }
  return a;
}

/** The source file as text: it must exist and be valid UTF-8 (a BOM is dropped). */
function readSource(file: string | null): string {
  if (!file) throw new UsageError('no source file given');
  let bytes: Buffer;
  try {
    bytes = readFileSync(file);
  } catch (err) {
    throw new InputError(
      `फाइल पढ्न सकिएन / cannot read ${file}: ${(err as NodeJS.ErrnoException).code ?? (err as Error).message}`,
    );
  }
  try {
    return new TextDecoder('utf-8', { fatal: true, ignoreBOM: false }).decode(bytes);
  } catch {
    throw new InputError(`फाइल UTF-8 मा छैन / ${file} is not valid UTF-8`);
  }
}

function log(verbose: boolean, msg: string): void {
  if (verbose) process.stderr.write(`[sajilo] ${msg}\n`);
}

// A compiler failure is shown as its E9999 diagnostic (file:line:col, Nepali and English)
// and one line naming the error, never a stack trace.
function reportFailure(a: Args, source: string, failure: CompilerFailure): never {
  process.stderr.write(`${formatDiagnostics(a.file!, source, [failure.diagnostic])}\n`);
  process.stderr.write(`sajilo: ${oneLine(failure.cause ?? failure)}\n`);
  throw new ReportedFailure();
}

function commandCheck(a: Args): number {
  const source = readSource(a.file);
  let front: ReturnType<typeof compileFrontEnd> | null = null;
  let failed: unknown = null;
  try {
    front = compileFrontEnd(source);
  } catch (error) {
    failed = error;
  }
  const diagnostics = front ? front.diagnostics : [CompilerFailure.from(failed).diagnostic];
  if (a.json) process.stdout.write(`${JSON.stringify(diagnostics, null, 2)}\n`);
  else if (failed) reportFailure(a, source, CompilerFailure.from(failed));
  else if (diagnostics.length) process.stderr.write(`${formatDiagnostics(a.file!, source, diagnostics)}\n`);
  if (!front) return EXIT.internal;
  if (front.omittedDiagnostics > 0 && !a.json) {
    process.stderr.write(
      `… र ${devanagariDigits(String(front.omittedDiagnostics))} थप / and ${front.omittedDiagnostics} more\n`,
    );
  }
  // An error may be among the diagnostics left out: the program is the authority.
  return front.program ? EXIT.ok : EXIT.compile;
}

async function compile(a: Args, source: string, extra: Partial<BuildOptions> = {}) {
  const r = await buildExecutable(source, { latinDigits: a.latinDigits, optimise: a.optimise, ...extra }).catch(
    (error: unknown) => {
      if (error instanceof RuntimeMissingError) throw error; // the host is not set up: say how to fix it
      return reportFailure(a, source, CompilerFailure.from(error));
    },
  );
  log(a.verbose, `compiler: ${r.compiler}${r.cached ? ' (cache hit)' : ''}, ${r.compileMs} ms`);
  const warnings = r.diagnostics.length > 0;
  if (warnings) process.stderr.write(`${formatDiagnostics(a.file!, source, r.diagnostics)}\n`);
  return r;
}

async function commandBuild(a: Args): Promise<number> {
  if (!a.out) throw new UsageError('build needs -o OUT');
  const r = await compile(a, readSource(a.file));
  if (!r.ok || !r.executable) return EXIT.compile;
  copyFileSync(r.executable, a.out);
  return EXIT.ok;
}

async function readAllStdin(source: string): Promise<Buffer> {
  if (process.stdin.isTTY) {
    // The sandbox takes stdin up front, so a terminal cannot answer पढ() as the program runs.
    if (source.includes('पढ')) {
      process.stderr.write(
        '[sajilo] इनपुट फाइलबाट दिनुहोस् (sajilo run FILE < input.txt) वा --no-sandbox प्रयोग गर्नुहोस्\n' +
          '[sajilo] stdin is a terminal: pipe the input in (sajilo run FILE < input.txt) or use --no-sandbox to type it\n',
      );
    }
    return Buffer.alloc(0);
  }
  const chunks: Buffer[] = [];
  for await (const c of process.stdin) chunks.push(c as Buffer);
  return Buffer.concat(chunks);
}

/** Whether the sandbox can isolate programs on this host: true, or why not. */
async function sandboxUsable(): Promise<true | string> {
  try {
    const info = await probeSlot();
    return typeof info === 'string' ? `the sandbox is unavailable on this host: ${info}` : true;
  } catch (err) {
    return `the sandbox failed to start: ${(err as Error).message}`;
  }
}

async function commandRun(a: Args): Promise<number> {
  const source = readSource(a.file);
  const sandbox = a.noSandbox ? '--no-sandbox' : await sandboxUsable();
  log(
    a.verbose,
    sandbox === true ? 'sandbox: compile and run profiles' : `no sandbox (${sandbox}): direct run with rlimits`,
  );
  // The user's own program on their own machine: compiling on the host is allowed here.
  const r = await compile(a, source, sandbox === true ? { runCompiler: compileRunner({ allowHost: true }) } : {});
  if (!r.ok || !r.executable) return EXIT.compile;
  if (sandbox !== true) return (await runDirect(r.executable)).status;
  const res = await runSandboxed({
    profile: 'run',
    argv: [r.executable],
    stdin: await readAllStdin(source),
    ...CLI_RUN_LIMITS,
  });
  process.stdout.write(res.stdout);
  process.stderr.write(res.stderr);
  log(a.verbose, `verdict ${res.verdict}, ${res.cpuMs} ms CPU, ${res.wallMs} ms wall, ${res.memoryKb} KB`);
  if (res.verdict === 'ok') return EXIT.ok;
  if (res.verdict === 'runtime_error') return res.exitCode || 1;
  process.stderr.write(`${explainVerdict('ne', res)}\n${explainVerdict('en', res)}\n`);
  return res.verdict === 'time_limit' ? EXIT.timeLimit : 1;
}

async function commandDoctor(): Promise<number> {
  const tools = detectHostTools();
  console.log(`tcc:  ${tools.tcc ? `${tools.tcc.path} (${tools.tcc.version})` : 'not found'}`);
  console.log(`gcc:  ${tools.gcc ? `${tools.gcc.path} (${tools.gcc.version})` : 'not found'}`);
  console.log(`musl: ${tools.musl ? tools.musl.libDir : 'not found'}`);
  console.log(`node: ${process.version} (${process.execPath})`);
  try {
    const rt = loadRuntimeLibs();
    console.log(
      `runtime: ${rt.hash.slice(0, 12)} (glibc ${rt.glibcLib ? 'yes' : 'no'}, musl ${rt.muslLib ? 'yes' : 'no'})`,
    );
    console.log(
      `compile paths: ${availableToolchains(rt)
        .map((t) => t.kind)
        .join(', ')}`,
    );
    console.log(`default: ${chooseToolchain(rt, false).kind}; --optimise: ${chooseToolchain(rt, true).kind}`);
    console.log(describeTiers(tierPlan(rt)));
  } catch (err) {
    console.log(`runtime: ${(err as Error).message}`);
  }
  const sandbox = await sandboxUsable();
  console.log(`sandbox: ${sandbox === true ? 'available' : `not used (${sandbox})`}`);
  console.log(await describeCompilePlacement());
  return EXIT.ok;
}

/** Its own bundle (bin/launch.mjs): the run pipeline and pg-boss would slow every other command.
 *  The path is computed so that this bundle does not take the launcher (and tsx) in. */
async function commandWorker(a: Args): Promise<number> {
  if (a.file) throw new UsageError(`unexpected argument ${a.file}`);
  const launcher = new URL('../../bin/launch.mjs', import.meta.url).href;
  const { launch } = (await import(launcher)) as typeof import('../../bin/launch.mjs');
  await launch('sajilo-worker', 'lib/run/worker-main.ts');
  return new Promise<number>(() => {}); // the worker ends the process itself
}

async function main(argv: string[]): Promise<number> {
  if (argv.includes('-h') || argv.includes('--help') || argv.length === 0) {
    console.log(HELP);
    return argv.length ? EXIT.ok : EXIT.usage;
  }
  if (argv.includes('--version')) {
    const pkg = JSON.parse(readFileSync(path.join(REPO_ROOT, 'package.json'), 'utf8'));
    console.log(`sajilo ${pkg.version}`);
    return EXIT.ok;
  }
  const a = parseArgs(argv);
  switch (a.command) {
    case 'check':
      return commandCheck(a);
    case 'build':
      return commandBuild(a);
    case 'run':
      return commandRun(a);
    case 'doctor':
      return commandDoctor();
    case 'worker':
      return commandWorker(a);
    default:
      throw new UsageError(`unknown command ${a.command}`);
  }
}

main(process.argv.slice(2)).then(
  (code) => {
    process.exitCode = code;
  },
  (err: unknown) => {
    if (err instanceof UsageError || err instanceof ConfigError) {
      process.stderr.write(`sajilo: ${err.message}\nप्रयोग / usage: sajilo --help\n`);
      process.exitCode = EXIT.usage;
    } else if (err instanceof InputError) {
      process.stderr.write(`sajilo: ${err.message}\n`);
      process.exitCode = EXIT.noInput;
    } else if (err instanceof ReportedFailure) {
      process.exitCode = EXIT.internal;
    } else if (err instanceof RuntimeMissingError) {
      process.stderr.write(`sajilo: ${err.message}\n`);
      process.exitCode = EXIT.internal;
    } else {
      process.stderr.write(`sajilo: internal error, please report it: ${oneLine(err)}\n`);
      process.exitCode = EXIT.internal;
    }
  },
);
