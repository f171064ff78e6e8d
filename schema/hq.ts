/**
 * Head office's SQLite schema: its own catalog records and the records ingested from stores.
 * Migrations are generated from both files into `schema/migrations/hq/` and applied at start-up.
 */
import { hqAnalyticsSchema } from "./hq-analytics.ts";
import { hqCatalogSchema } from "./hq-catalog.ts";
import { hqCustomersSchema } from "./hq-customers.ts";
import { hqMembersSchema } from "./hq-members.ts";
import { hqOfflineRedemptionsSchema } from "./hq-offline-redemptions.ts";
import { hqOrdersSchema } from "./hq-orders.ts";
import { hqPromotionsSchema } from "./hq-promotions.ts";
import { hqPurchasingSchema } from "./hq-purchasing.ts";
import { hqRolesSchema } from "./hq-roles.ts";
import { hqSalesSchema } from "./hq-sales.ts";
import { hqScalesSchema } from "./hq-scales.ts";
import { hqServicesSchema } from "./hq-services.ts";
import { hqStockSchema } from "./hq-stock.ts";
import { hqStoreTemplatesSchema } from "./hq-store-templates.ts";
import { hqTendersSchema } from "./hq-tenders.ts";
import { hqWebhooksSchema } from "./hq-webhooks.ts";

export * from "./hq-analytics.ts";
export * from "./hq-catalog.ts";
export * from "./hq-customers.ts";
export * from "./hq-members.ts";
export * from "./hq-offline-redemptions.ts";
export * from "./hq-orders.ts";
export * from "./hq-promotions.ts";
export * from "./hq-purchasing.ts";
export * from "./hq-roles.ts";
export * from "./hq-sales.ts";
export * from "./hq-scales.ts";
export * from "./hq-services.ts";
export * from "./hq-stock.ts";
export * from "./hq-store-templates.ts";
export * from "./hq-tenders.ts";
export * from "./hq-webhooks.ts";

export const hqSchema = {
  ...hqCatalogSchema,
  ...hqSalesSchema,
  ...hqStockSchema,
  ...hqCustomersSchema,
  ...hqMembersSchema,
  ...hqOfflineRedemptionsSchema,
  ...hqPromotionsSchema,
  ...hqPurchasingSchema,
  ...hqOrdersSchema,
  ...hqTendersSchema,
  ...hqWebhooksSchema,
  ...hqStoreTemplatesSchema,
  ...hqAnalyticsSchema,
  ...hqRolesSchema,
  ...hqScalesSchema,
  ...hqServicesSchema,
};
