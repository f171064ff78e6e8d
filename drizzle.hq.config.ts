import { defineConfig } from "drizzle-kit";

export default defineConfig({
  dialect: "sqlite",
  schema: [
    "./schema/hq-catalog.ts",
    "./schema/hq-sales.ts",
    "./schema/hq-stock.ts",
    "./schema/hq-customers.ts",
    "./schema/hq-members.ts",
    "./schema/hq-offline-redemptions.ts",
    "./schema/hq-promotions.ts",
    "./schema/hq-purchasing.ts",
    "./schema/hq-orders.ts",
    "./schema/hq-tenders.ts",
    "./schema/hq-webhooks.ts",
    "./schema/hq-store-templates.ts",
    "./schema/hq-analytics.ts",
    "./schema/hq-roles.ts",
    "./schema/hq-scales.ts",
    "./schema/hq-services.ts",
  ],
  out: "./schema/migrations/hq",
});
