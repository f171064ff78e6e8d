/**
 * The store's answers as the till reads them: one zod schema per route the till calls. They
 * check what the till relies on and let the store add fields (loose objects where the till
 * passes a document on, such as a shift report).
 */
import { z } from "zod";
import { departmentSchema } from "../../core/open-department.ts";
import { PERMISSIONS, roleIdSchema } from "../../core/permissions.ts";

const int = z.number().int();
/** A built-in role or a custom one from head office. */
const role = roleIdSchema;

export const healthAnswerSchema = z.object({
  /** `degraded` when the store found its journal or database damaged (it then names `integrity`). */
  status: z.enum(["ok", "degraded"]),
  mode: z.string(),
  storeId: z.string().regex(/^[A-Za-z0-9_]{1,16}$/),
  storeName: z.string().max(60).optional(),
  /** Set while the store's journal is behind or forked from what head office applied (status degraded). */
  diverged: z
    .looseObject({
      kind: z.string(),
      message: z.string(),
      fix: z.string(),
      since: z.string(),
      hqSeq: z.number(),
    })
    .optional(),
});

export type HealthAnswer = z.infer<typeof healthAnswerSchema>;

export const sessionAnswerSchema = z.object({
  token: z.string().min(8),
  user: z.object({
    id: z.string().min(1),
    name: z.string(),
    role,
    /** What the role may do (absent from older stores: the built-in role's rights). */
    permissions: z.array(z.enum(PERMISSIONS)).optional(),
    maxDiscountPercent: z.int().min(0).max(100).optional(),
  }),
  /** The store's proof of this log-in, carried by the session's sales (absent from older stores). */
  proof: z.string().max(2_000).optional(),
});

export const cancellationAnswerSchema = z.object({ id: z.string(), cancelled: z.literal(true) });

export const refusedReportAnswerSchema = z.object({
  reported: z.number().int(),
  alreadyRecorded: z.array(z.string()),
});

export const keyAnswerSchema = z.object({
  tillId: z.string(),
  registered: z.enum(["new", "same", "replaced"]),
});

export const approvalAnswerSchema = z.object({
  approvalId: z.string(),
  approvedBy: z.object({
    id: z.string().min(1),
    name: z.string(),
    /** The approver's role and its rights (absent from older stores). */
    role: roleIdSchema.optional(),
    permissions: z.array(z.enum(PERMISSIONS)).optional(),
    maxDiscountPercent: z.int().min(0).max(100).optional(),
  }),
});

export const staffDiscountAnswerSchema = z.object({
  userId: z.string().min(1),
  name: z.string(),
  percent: z.string().regex(/^\d{1,3}(\.\d{1,2})?$/),
});
export type StaffDiscountAnswer = z.infer<typeof staffDiscountAnswerSchema>;

export const catalogProductSchema = z.object({
  code: z.string().min(1),
  name: z.string(),
  barcodes: z.array(z.string()),
  priceMinor: int,
  taxClass: z.string().nullable(),
  department: z.string().nullable(),
  soldByWeight: z.boolean(),
  openPrice: z.boolean(),
  unit: z.string(),
  active: z.boolean(),
  changeSeq: int,
  /** Absent from a store that does not know ages yet. */
  minAge: int.min(0).max(99).nullable().optional(),
  /** Stores before deposits and EBT send neither. */
  depositCode: z.string().nullable().optional(),
  snapEligible: z.boolean().optional(),
  /** Stores before serials send none. */
  serialised: z.boolean().optional(),
  /** What the CLI's export writes; the till does not keep it. */
  costMinor: int.nullable().optional(),
  /** The product's category (stores before categories send none). */
  category: z.string().nullable().optional(),
  /** Packs whose barcode rings `qty` base units; stores before packs send none. */
  packs: z.array(z.object({ barcode: z.string().optional(), name: z.string(), qty: z.number() })).optional(),
});
export type CatalogProduct = z.infer<typeof catalogProductSchema>;

/** `GET /products/lookup`: the product a code resolves to (the till resolves the code itself again). */
export const productLookupAnswerSchema = z.object({ product: catalogProductSchema });

export const catalogChangesAnswerSchema = z.object({
  products: z.array(catalogProductSchema),
  lastSeq: int.nonnegative(),
});

export const saleAnswerSchema = z.object({ id: z.string(), receiptNo: z.string() });

export const recordedSaleAnswerSchema = z.object({
  id: z.string(),
  receiptNo: z.string(),
  at: z.string(),
  status: z.enum(["completed", "voided"]).optional(),
  totalMinor: int,
  lines: z.array(
    z.object({
      code: z.string(),
      name: z.string(),
      qtyMilli: int,
      unitPriceMinor: int,
      taxMinor: int,
      totalMinor: int,
    }),
  ),
  /** The promotions the sale got (absent from a store that predates them). */
  promotions: z.array(z.object({ id: z.string(), name: z.string(), discountMinor: int })).optional(),
});
export type RecordedSaleAnswer = z.infer<typeof recordedSaleAnswerSchema>;

export const salesListAnswerSchema = z.object({ sales: z.array(recordedSaleAnswerSchema) });

export const returnAnswerSchema = z.object({ receiptNo: z.string(), totalMinor: int });

const discountSchema = z.union([z.object({ percent: z.string() }), z.object({ amountMinor: int })]);

const approvalProofAnswerSchema = z.union([
  z.object({ grantId: z.string() }).strict(),
  z.object({ signed: z.string() }).strict(),
]);

export const heldAnswerSchema = z.object({
  id: z.string(),
  tillId: z.string(),
  cashierName: z.string().nullable().optional(),
  cashierId: z.string().nullable().optional(),
  label: z.string().nullable(),
  heldAt: z.string(),
  lineCount: int,
  basket: z.object({
    lines: z.array(
      z.object({
        code: z.string(),
        qty: z.union([z.number(), z.string()]).optional(),
        unitPriceMinor: int.optional(),
        priceSource: z.enum(["open", "override"]).optional(),
        discount: discountSchema.optional(),
        /** Absent from a store before lots and serials. */
        lot: z.string().optional(),
        expiry: z.string().optional(),
        serial: z.string().optional(),
      }),
    ),
    discount: discountSchema.optional(),
  }),
  /** Absent from a store that does not keep a held sale's audit. */
  audit: z
    .array(
      z.object({
        action: z.enum(["line.voided", "price.overridden", "discount.given", "sale.voided", "expired.sold"]),
        at: z.string().optional(),
        userId: z.string().nullable().optional(),
        approvedBy: z.string().nullable().optional(),
        approval: approvalProofAnswerSchema.optional(),
        detail: z.record(z.string(), z.union([z.string(), z.number(), z.boolean(), z.null()])).optional(),
      }),
    )
    .optional(),
});
export const heldListAnswerSchema = z.object({ held: z.array(heldAnswerSchema) });

export const drawerAnswerSchema = z.object({ tillId: z.string(), reason: z.string() });

/** Any JSON object (answers the till does not read further). */
export const anyObjectSchema = z.looseObject({});

/** `POST /backup`: the database file itself (`application/vnd.sqlite3`), not JSON. */
export const backupFileAnswerSchema = z
  .string()
  .describe(
    "the store's database file (application/vnd.sqlite3), verified; headers Ringup-Store-Id and Ringup-Backup-At",
  );

/** `GET /departments` (its rows carry more columns: left out). */
export const departmentsAnswerSchema = z.object({
  departments: z.array(
    departmentSchema.extend({
      // A store without open-ring settings yet answers its rows without them.
      openRing: z.boolean().default(true),
      openRingMaxMinor: z.int().nonnegative().nullable().default(null),
      openRingMinMinor: z.int().nonnegative().nullable().default(null),
      minAge: z.int().min(0).max(99).nullable().default(null),
    }),
  ),
});

/** `GET /receipt-links/key`: the key tills make receipts' links with (hex). */
export const receiptLinkKeyAnswerSchema = z.object({ key: z.string().regex(/^[0-9a-f]{64}$/) });
export type ReceiptLinkKeyAnswer = z.infer<typeof receiptLinkKeyAnswerSchema>;

/** `POST /tills/pair`: the till's device token, and the certificate the store serves (to pin). */
export const pairAnswerSchema = z.object({
  token: z.string().min(16),
  tillId: z.string(),
  storeId: z.string(),
  certificateSha256: z.string().nullable(),
});

/** `GET /sales/last-receipt`: the highest receipt a till numbered that the store holds. */
export const lastReceiptAnswerSchema = z.object({ receiptNo: z.string().nullable(), seq: int.min(0) });

/** `POST /audit/till-entries`. */
export const tillTraceAnswerSchema = z.object({
  /** Ids recorded by this request. */
  recorded: z.array(z.string()),
  /** Ids the store had recorded already (a repeat after a lost answer). */
  already: z.array(z.string()),
});
export type TillTraceAnswer = z.infer<typeof tillTraceAnswerSchema>;
