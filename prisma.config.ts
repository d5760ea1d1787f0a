// Prisma CLI configuration (Prisma 7 reads no .env file by itself). The app never uses this
// file: lib/db opens the database through a driver adapter. It is here so that
// `prisma migrate deploy` / `prisma migrate status`, on a machine where the Prisma CLI can
// fetch its schema engine, agree with our own migrator (lib/db/migrate.ts).
import { defineConfig } from 'prisma/config';
import { config } from './lib/config';

export default defineConfig({
  schema: 'prisma/schema.prisma',
  migrations: { path: 'prisma/migrations' },
  datasource: { url: config().DATABASE_URL ?? '' },
});
