import { defineConfig } from 'drizzle-kit';

export default defineConfig({
  dialect: 'postgresql',
  schema: ['./src/db/schema.ts', './src/db/schema-follow-up.ts', './src/db/schema-client-comms.ts'],
  out: './drizzle',
});
