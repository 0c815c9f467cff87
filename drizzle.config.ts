import { defineConfig } from 'drizzle-kit';

// Generates SQL migrations from the schema; the app applies them itself (src/server/db/migrate.ts).
export default defineConfig({
  dialect: 'postgresql',
  schema: './src/server/db/schema.ts',
  out: './src/server/db/migrations',
});
