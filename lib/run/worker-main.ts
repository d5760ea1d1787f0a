// `sajilo worker`'s entry (lib/compiler/cli.ts starts it through bin/launch.mjs): its own
// bundle in build/cli/, so the pipeline and pg-boss it needs never slow `sajilo run` down.
import { oneLine } from '@/lib/compiler/failure';
import { runWorker } from './worker';

runWorker().then(
  (status) => process.exit(status),
  (error: unknown) => {
    process.stderr.write(`[sajilo worker] internal error: ${oneLine(error)}\n`);
    process.exit(70);
  },
);
