import { defineConfig } from "drizzle-kit";

export default defineConfig({
  dialect: "sqlite",
  schema: "./schema/store.ts",
  out: "./schema/migrations/store",
});
