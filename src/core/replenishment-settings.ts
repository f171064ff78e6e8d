/**
 * The store's replenishment settings (`[store.replenishment]`, docs/replenishment.md): the
 * defaults of an item no vendor speaks for, the service level, and the report's thresholds.
 */
import { z } from "zod";

export const replenishmentSettingsSchema = z
  .object({
    /** Days of sales history the forecast reads. */
    historyDays: z.number().int().min(7).max(730).default(91),
    /** Days between two looks at the stock (orders placed): the review period R. */
    reviewDays: z.number().int().min(0).max(90).default(7),
    /** Share of order cycles that should not run out: sets the safety stock. */
    serviceLevel: z.number().min(0.5).max(0.999).default(0.95),
    /** For an item no vendor speaks for: days from order to shelf. */
    leadTimeDays: z.number().int().min(0).max(180).default(7),
    /** For an item no vendor speaks for: units in a case (orders are whole cases). */
    caseSize: z.number().positive().max(100_000).default(1),
    /** For an item no vendor speaks for: the least quantity to order. */
    minOrderQty: z.number().min(0).max(1_000_000).default(0),
    /** Stock optimisation: stock lasting longer than this many days of forecast demand is overstock. */
    overstockDays: z.number().int().min(1).max(3_650).default(60),
    /** Stock optimisation: stock not sold for this many days is dead stock. */
    deadStockDays: z.number().int().min(1).max(3_650).default(90),
  })
  .prefault({});

export type ReplenishmentSettings = z.infer<typeof replenishmentSettingsSchema>;
