// Where things live, relative to the repository root (this file is lib/compiler/driver/).
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { config } from '../../config';

export const REPO_ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../..');

export function cacheDir(): string {
  return path.resolve(config().SAJILO_CACHE_DIR ?? path.join(REPO_ROOT, '.cache/sajilo'));
}
