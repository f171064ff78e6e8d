import { defineConfig } from "drizzle-kit";

export default defineConfig({
  dialect: "sqlite",
  schema: "./schema/till.ts",
  out: "./schema/migrations/till",
});
