// Zod builds fast object parsers with `new Function` when a page allows eval, and probes for it
// when the first object schema is made. Our CSP forbids eval, so the probe would be reported
// as a violation on every page with a form or the editor. Import this module before any module
// that defines schemas (ES modules run in import order), so zod never tries.
import { z } from 'zod';

if (typeof window !== 'undefined') z.config({ jitless: true });
