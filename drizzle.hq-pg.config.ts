import { defineConfig } from "drizzle-kit";

// Head office on PostgreSQL: schema/hq-pg.ts is generated from the SQLite tables
// (scripts/gen-hq-pg-schema.ts), so both databases keep one shape.
export default defineConfig({
  dialect: "postgresql",
  schema: "./schema/hq-pg.ts",
  out: "./schema/migrations/hq-pg",
});
