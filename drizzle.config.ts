import { defineConfig } from "drizzle-kit";

// One set of migrations serves both embedded PGlite and PostgreSQL; they are applied at open
// by server/db/client.ts. Regenerate after editing the schema: `npx drizzle-kit generate`.
export default defineConfig({
  dialect: "postgresql",
  schema: "./server/db/schema.ts",
  out: "./drizzle",
  strict: true,
  verbose: true,
});
