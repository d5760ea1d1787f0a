// Where the embedded default keeps its files: $SAJILO_DATA_DIR, or .data/ in the repository.
import path from 'node:path';
import { config } from '@/lib/config';

export function dataDir(env: NodeJS.ProcessEnv = process.env): string {
  return path.resolve(
    /*turbopackIgnore: true*/ config(env).SAJILO_DATA_DIR ||
      path.join(/*turbopackIgnore: true*/ process.cwd(), '.data'),
  );
}
