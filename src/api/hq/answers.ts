/** Head office's answers as the admin CLI and the stores read them. */
import { z } from "zod";
import { chainSaleLineSchema, chainSaleSchema } from "../../core/chain-sale.ts";
import { taxClassSchema } from "../../core/settings.ts";
import { productAnswerSchema } from "../store/admin-answers.ts";

const int = z.number().int();

/** `PUT /prices`: the chain price of a product, and whether it is in force or scheduled. */
export const hqPriceAnswerSchema = z.looseObject({
  code: z.string(),
  priceMinor: int.nullable(),
  status: z.string(),
});

export const hqProductsAnswerSchema = z.object({ products: z.array(productAnswerSchema) });

/** `GET /settings`: the chain's settings as the registered stores' settings give them. */
export const chainSettingsAnswerSchema = z.looseObject({
  currency: z.string(),
  locale: z.string(),
  taxClasses: z.array(taxClassSchema),
  maxPriceMinor: int,
  stores: int,
});

/**
 * `GET /sales/:id`: the contract's sale (`ChainSale`, what a store reads) and what head office
 * answers besides; who sold and bought it only to a reader of reports or the sale's own store.
 */
export const hqSaleAnswerSchema = chainSaleSchema
  .extend({
    cashierId: z.string().nullable().optional(),
    customerId: z.string().nullable().optional(),
    day: z.string().optional(),
    subtotalMinor: int.optional(),
    discountMinor: int.optional(),
    taxMinor: int.optional(),
    voidedAt: z.string().nullable().optional(),
    lines: z.array(chainSaleLineSchema.extend({ qty: z.number().optional() }).loose()),
  })
  .loose();

const str = z.string();

/** `POST /tokens`: the new token, shown only in this answer. */
export const hqNewTokenAnswerSchema = z.looseObject({ token: str, name: str, scopes: z.array(str) });

/** A store as head office knows it. */
export const storeStatusAnswerSchema = z.looseObject({
  storeId: str,
  name: str.nullable(),
  registered: z.boolean(),
  timeZone: str.nullable(),
  currency: str.nullable(),
  lastSeq: int,
});
/** A store's credentials (shown when made or renewed). */
export const storeCredentialsAnswerSchema = z.looseObject({
  apiToken: str,
  nats: z.looseObject({ user: str, password: str }),
  natsCredsFile: str,
});
/** `POST /stores`. */
export const registeredStoreAnswerSchema = z.looseObject({
  store: storeStatusAnswerSchema,
  credentials: storeCredentialsAnswerSchema,
});
export const storesAnswerSchema = z.looseObject({ stores: z.array(storeStatusAnswerSchema) });
/** `PUT /stores/:id/settings`: the settings as saved. */
export const storeSettingsAnswerSchema = z.looseObject({
  currency: str,
  locale: str,
  taxClasses: z.array(taxClassSchema),
});
/** `GET /stores/:id/settings`. */
export const storeSettingsOfAnswerSchema = z.looseObject({
  storeId: str,
  settings: storeSettingsAnswerSchema,
});
/** `GET /stores/:id/dead-letters`. */
export const deadLettersAnswerSchema = z.looseObject({
  storeId: str,
  deadLetters: z.array(
    z.looseObject({
      id: int,
      subject: str,
      eventId: str.nullable(),
      seq: int.nullable(),
      reason: str,
      receivedAt: str,
    }),
  ),
});

/** `GET /prices?code=`: the chain price, each store's own, and what is scheduled. */
export const pricePictureAnswerSchema = z.looseObject({
  code: str,
  priceMinor: int,
  storePrices: z.record(str, int),
  scheduled: z.array(
    z.looseObject({ id: int, storeId: str.nullable(), priceMinor: int.nullable(), effectiveAt: str }),
  ),
});

/** `GET /catalog/changes` and `GET /catalog/snapshot`: change-log entries for a store. */
export const catalogFeedAnswerSchema = z.looseObject({
  storeId: str,
  lastSeq: int,
  changes: z.array(z.looseObject({ seq: int })),
});
export const catalogSnapshotAnswerSchema = z.looseObject({
  storeId: str,
  seq: int,
  changes: z.array(z.looseObject({ seq: int })),
});

/** A user of the chain. */
export const hqUserAnswerSchema = z.looseObject({
  id: str,
  name: str,
  role: str,
  storeIds: z.array(str).nullable(),
  active: z.boolean(),
});
export const hqUsersAnswerSchema = z.looseObject({ users: z.array(hqUserAnswerSchema) });
export const pinConflictsAnswerSchema = z.looseObject({
  conflicts: z.array(z.looseObject({ userId: str, name: str, storeId: str, at: str, message: str })),
});

const figures = { grossMinor: int, discountMinor: int, netMinor: int, taxMinor: int, totalMinor: int };
const range = { from: str, to: str };
/** `GET /reports/sales`: the chain's total and each store's. */
export const salesReportAnswerSchema = z.looseObject({
  ...range,
  total: z.looseObject(figures),
  stores: z.array(z.looseObject({ storeId: str, name: str.nullable(), ...figures })),
});
export const byDayAnswerSchema = z.looseObject({
  ...range,
  storeId: str.nullable(),
  days: z.array(z.looseObject({ date: str, ...figures })),
});
export const hqByDepartmentAnswerSchema = z.looseObject({
  ...range,
  storeId: str.nullable(),
  departments: z.array(z.looseObject({ department: str.nullable(), ...figures })),
});
export const byProductAnswerSchema = z.looseObject({
  ...range,
  storeId: str.nullable(),
  products: z.array(z.looseObject({ code: str, name: str, ...figures })),
});
