// A failure of the compiler itself (an exception in the front end or the back end, or the C
// compiler refusing generated code) is a bug, never the user's fault. It reaches the user as
// one diagnostic with a code of its own, at the position the compiler reached, asking them to
// report it; callers on the server log the detail with the source's hash. Browser-safe.
import type { Diagnostic, Position } from './frontend/ast';
import { makeDiagnostic, type MessageTemplate } from './frontend/diagnostics';
import { progressReached } from './frontend/progress';

export const COMPILER_FAILURE_CODE = 'E9999';

const COMPILER_FAILED: MessageTemplate = {
  code: COMPILER_FAILURE_CODE,
  severity: 'error',
  ne: 'कम्पाइलर यो कार्यक्रममा असफल भयो (यो कम्पाइलरको गल्ती हो, तपाईंको होइन); कृपया यो कार्यक्रमसहित रिपोर्ट गर्नुहोस्',
  en: 'The compiler failed on this program (a fault in the compiler, not in your program); please report it with this program',
};

/** The one diagnostic for a compiler failure, at `position` (default: where the compiler got to). */
export function compilerFailureDiagnostic(position: Position = progressReached()): Diagnostic {
  return makeDiagnostic(COMPILER_FAILED, { start: position, end: position });
}

export const COMPILE_REFUSED_CODE = 'E9002';

const COMPILE_REFUSED: MessageTemplate = {
  code: COMPILE_REFUSED_CODE,
  severity: 'error',
  ne: 'सर्भरले अहिले कार्यक्रम सुरक्षित रूपमा कम्पाइल गर्न सक्दैन (स्यान्डबक्स उपलब्ध छैन); केही बेरपछि फेरि प्रयास गर्नुहोस्',
  en: 'The server cannot compile programs safely right now (its sandbox is unavailable); please try again later',
};

/** Thrown by buildExecutable when the compiler fails; carries the diagnostic to show. */
export class CompilerFailure extends Error {
  readonly diagnostic: Diagnostic;

  constructor(message: string, options: { cause?: unknown; position?: Position; template?: MessageTemplate } = {}) {
    super(message, { cause: options.cause });
    this.name = 'CompilerFailure';
    this.diagnostic = options.template
      ? makeDiagnostic(options.template, {
          start: options.position ?? progressReached(),
          end: options.position ?? progressReached(),
        })
      : compilerFailureDiagnostic(options.position);
  }

  /** Wraps anything thrown inside the compiler (an existing CompilerFailure stays as it is). */
  static from(error: unknown): CompilerFailure {
    if (error instanceof CompilerFailure) return error;
    return new CompilerFailure(`internal error: ${oneLine(error)}`, { cause: error });
  }
}

/** An error's message on one line, for logs and the CLI (no stack trace). */
export function oneLine(error: unknown): string {
  const text = error instanceof Error ? `${error.name}: ${error.message}` : String(error);
  return text.replace(/\s+/g, ' ').slice(0, 500);
}

/**
 * The C compile was refused: the sandbox's compile profile is unavailable and this server may
 * not run the C compiler on the host (lib/run/compile-runner.ts). Not a compiler bug, so it has
 * its own code: the visitor is told to try again, the operator finds the reason in the log.
 */
export class CompileRefused extends CompilerFailure {
  constructor(readonly reason: string) {
    super(
      `compile refused: the sandbox's compile profile is unavailable (${reason}) and compiling on the host is not allowed`,
      { position: { line: 1, column: 1 }, template: COMPILE_REFUSED },
    );
    this.name = 'CompileRefused';
  }
}
