// `npm run db:migrate`: applies pending migrations to the configured database —
// DATABASE_URL (a PostgreSQL server: production runs this before starting a new version), or
// else the embedded PGlite in $SAJILO_DATA_DIR (which also migrates itself at start-up; stop
// the app first, since only one process may open it).
import { migrateDatabase, dbConfigFromEnv } from '@/lib/db';

const config = dbConfigFromEnv();
const where =
  config.kind === 'postgres'
    ? `PostgreSQL${config.schema ? ` (schema ${config.schema})` : ''}`
    : `PGlite at ${config.dir}`;
try {
  const applied = await migrateDatabase(config);
  console.log(`[db:migrate] ${where}: ${applied.length ? `applied ${applied.join(', ')}` : 'up to date'}`);
} catch (err) {
  console.error(`[db:migrate] ${where}: ${(err as Error).message}`);
  process.exit(1);
}
