/**
 * Shapes of purchasing at the store: vendors and their catalogs (`/vendors`), purchase orders
 * (`/purchase-orders`), goods receipts against an order or a vendor's invoice
 * (`/purchase-orders/:id/receipts`, `/purchase-receipts`) and vendor credits (`/vendor-credits`).
 * Money in minor units, quantities as the stock documents take them (units, or kg with up to 3
 * decimals); answers carry quantities in milli-units.
 */
import { z } from "zod";
import { qtySchema } from "./quantity.ts";

const text = (max: number) =>
  z.string().trim().min(1, "must not be empty").max(max, `must be at most ${max} characters`);
const costMinor = z
  .int("must be a whole number of minor units")
  .min(0, "must not be negative")
  .max(Number.MAX_SAFE_INTEGER, "is too large");
const day = z
  .string()
  .regex(/^\d{4}-\d{2}-\d{2}$/, "must be a day such as 2026-06-30 (YYYY-MM-DD)")
  .refine((v) => !Number.isNaN(Date.parse(`${v}T00:00:00Z`)), "must be a real day");
const code = text(32);

/** A vendor's id: chosen by the buyer, e.g. "ACME" or "dairy-north". */
export const vendorIdSchema = z
  .string()
  .regex(/^[A-Za-z0-9_-]{1,64}$/, "must be 1 to 64 letters, digits, _ or -");

export const PAYMENT_TYPES = ["bank_transfer", "card", "cash", "cheque", "direct_debit", "account"] as const;

const contactSchema = z.strictObject({
  name: text(80),
  role: text(80).optional(),
  email: z.email("must be an e-mail address").max(200).optional(),
  phone: text(40).optional(),
});

const vendorFields = {
  name: text(120),
  contacts: z.array(contactSchema).max(20, "at most 20 contacts").optional(),
  /** e.g. "net 30", "cash on delivery". */
  paymentTerms: text(80).optional(),
  paymentTypes: z
    .array(z.enum(PAYMENT_TYPES, { error: `must be one of ${PAYMENT_TYPES.join(", ")}` }))
    .max(PAYMENT_TYPES.length)
    .optional(),
  email: z.email("must be an e-mail address").max(200).optional(),
  phone: text(40).optional(),
  note: text(500).optional(),
};

/** `POST /vendors`: idempotent by id (a repeat with other content is refused; use PATCH). */
export const vendorRequestSchema = z.strictObject({ id: vendorIdSchema, ...vendorFields });
export type VendorRequest = z.infer<typeof vendorRequestSchema>;

/** `PATCH /vendors/:id`: the fields to change; `active: false` retires the vendor. */
export const vendorPatchSchema = z
  .strictObject({
    name: vendorFields.name.optional(),
    contacts: vendorFields.contacts,
    paymentTerms: vendorFields.paymentTerms,
    paymentTypes: vendorFields.paymentTypes,
    email: vendorFields.email,
    phone: vendorFields.phone,
    note: vendorFields.note,
    active: z.boolean().optional(),
  })
  .refine((p) => Object.keys(p).length > 0, "give at least one field to change");
export type VendorPatch = z.infer<typeof vendorPatchSchema>;

export const vendorParamsSchema = z.object({ id: vendorIdSchema });

/** `POST /vendors/:id/items`: a product in the vendor's catalog (set again to change it). */
export const vendorItemRequestSchema = z.strictObject({
  code,
  vendorCode: text(40).optional(),
  /** Units in the vendor's case or pack. */
  caseSize: qtySchema.optional(),
  costMinor,
  leadTimeDays: z.int("must be a whole number of days").min(0).max(365).optional(),
  minOrderQty: qtySchema.optional(),
});
export type VendorItemRequest = z.infer<typeof vendorItemRequestSchema>;

/** `POST /vendor-items/import`: a vendor's whole catalog, all or nothing; `line` names a file's line. */
export const vendorImportRequestSchema = z.strictObject({
  vendorId: vendorIdSchema,
  /** Where the rows came from (a file name), kept with the cost history. */
  source: text(200).optional(),
  items: z
    .array(vendorItemRequestSchema.extend({ line: z.int().min(1).optional() }))
    .min(1, "give at least one item")
    .max(100_000, "at most 100,000 items per import"),
});
export type VendorImportRequest = z.infer<typeof vendorImportRequestSchema>;

const poLineSchema = z.strictObject({ code, qty: qtySchema, costMinor: costMinor.optional() });

/** `POST /purchase-orders`: a draft order; idempotent by id. A line's cost defaults to the vendor item's. */
export const purchaseOrderRequestSchema = z.strictObject({
  id: z.uuid("must be a UUID"),
  vendorId: vendorIdSchema,
  lines: z.array(poLineSchema).min(1, "an order has at least one line").max(5000, "at most 5,000 lines"),
  /** The day the vendor promised delivery. */
  expectedAt: day.optional(),
  note: text(500).optional(),
  /** Send it at once (default: kept as a draft). */
  send: z.boolean().optional(),
});
export type PurchaseOrderRequest = z.infer<typeof purchaseOrderRequestSchema>;

export const PO_STATUSES = ["draft", "sent", "partly_received", "received", "cancelled"] as const;
export type PurchaseOrderStatus = (typeof PO_STATUSES)[number];

/** `POST /purchase-orders/:id/status`: send a draft, cancel an order not yet received, or close one part received. */
export const poStatusRequestSchema = z.strictObject({
  status: z.enum(["sent", "cancelled", "received"], { error: "must be sent, cancelled or received" }),
  expectedAt: day.optional(),
});

export const poParamsSchema = z.object({ id: z.uuid("must be a UUID") });
export const poFileParamsSchema = z.object({
  id: z
    .string()
    .regex(
      /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}(\.pdf|\.csv)?$/i,
      "must be an order's UUID, optionally ending .pdf or .csv",
    ),
});

export const poListQuerySchema = z.object({
  vendorId: vendorIdSchema.optional(),
  status: z.enum(PO_STATUSES).optional(),
  limit: z.coerce.number().int().min(1).max(500).default(50),
});

export const worksheetQuerySchema = z.object({ vendorId: vendorIdSchema });

const invoiceSchema = z.strictObject({
  number: text(64),
  date: day,
  /** Freight, duty and other costs of the delivery: allocated to lines by value. */
  landedCostMinor: costMinor.optional(),
});

const receiptLineSchema = z.strictObject({ code, qty: qtySchema, costMinor: costMinor.optional() });

/**
 * `POST /purchase-orders/:id/receipts`: goods received against the order, posted at once as a
 * `receipt` stock document of the same id. Without lines, everything still open is received.
 */
export const poReceiptRequestSchema = z.strictObject({
  id: z.uuid("must be a UUID"),
  lines: z.array(receiptLineSchema).max(5000, "at most 5,000 lines").optional(),
  invoice: invoiceSchema.optional(),
  location: text(40).optional(),
});
export type PoReceiptRequest = z.infer<typeof poReceiptRequestSchema>;

/** `POST /purchase-receipts`: goods received from a vendor on its invoice, without an order. */
export const purchaseReceiptRequestSchema = z.strictObject({
  id: z.uuid("must be a UUID"),
  vendorId: vendorIdSchema,
  lines: z.array(receiptLineSchema).min(1, "a receipt has at least one line").max(5000),
  invoice: invoiceSchema.optional(),
  location: text(40).optional(),
});
export type PurchaseReceiptRequest = z.infer<typeof purchaseReceiptRequestSchema>;

export const receiptParamsSchema = z.object({ id: z.uuid("must be a UUID") });

export const CREDIT_REASONS = ["not_received", "damaged", "expired", "mispriced"] as const;
export type CreditReason = (typeof CREDIT_REASONS)[number];

/** `POST /vendor-credits`: what the vendor owes back, tracked until settled; idempotent by id. */
export const vendorCreditRequestSchema = z.strictObject({
  id: z.uuid("must be a UUID"),
  vendorId: vendorIdSchema,
  receiptId: z.uuid("must be a goods receipt's UUID").optional(),
  lines: z
    .array(
      z.strictObject({
        code,
        qty: qtySchema,
        reason: z.enum(CREDIT_REASONS, { error: `must be one of ${CREDIT_REASONS.join(", ")}` }),
        amountMinor: costMinor.refine((v) => v > 0, "must be more than zero"),
      }),
    )
    .min(1, "a credit has at least one line")
    .max(5000),
  note: text(500).optional(),
});
export type VendorCreditRequest = z.infer<typeof vendorCreditRequestSchema>;

export const creditSettleRequestSchema = z.strictObject({
  /** The vendor's credit note or payment reference. */
  reference: text(64).optional(),
});
export const creditListQuerySchema = z.object({
  vendorId: vendorIdSchema.optional(),
  status: z.enum(["open", "settled"]).optional(),
});

// ---- answers (read leniently) ----
const int = z.number().int();
const str = z.string();

/** A vendor item's terms, as its catalog and the worksheet answer them. */
const vendorItemFields = {
  code: str,
  name: str.nullable(),
  vendorCode: str.nullable(),
  caseSizeMilli: int.nullable(),
  costMinor: int,
  leadTimeDays: int.nullable(),
  minOrderMilli: int.nullable(),
};

export const vendorItemAnswerSchema = z.looseObject({
  vendorId: str,
  ...vendorItemFields,
  updatedAt: str,
  costHistory: z
    .array(
      z.looseObject({
        costMinor: int,
        previousCostMinor: int.nullable(),
        source: z.enum(["manual", "import", "invoice"]),
        refId: str.nullable(),
        at: str,
      }),
    )
    .optional(),
});
export type VendorItem = z.infer<typeof vendorItemAnswerSchema>;

export const vendorAnswerSchema = z.looseObject({
  id: str,
  name: str,
  contacts: z.array(z.looseObject({ name: str })),
  paymentTerms: str.nullable(),
  paymentTypes: z.array(str),
  email: str.nullable(),
  phone: str.nullable(),
  note: str.nullable(),
  active: z.boolean(),
  createdAt: str,
  updatedAt: str,
  itemCount: int,
});
export type Vendor = z.infer<typeof vendorAnswerSchema>;

export const vendorsAnswerSchema = z.looseObject({ vendors: z.array(vendorAnswerSchema) });
export const vendorItemsAnswerSchema = z.looseObject({ items: z.array(vendorItemAnswerSchema) });
export const vendorImportAnswerSchema = z.looseObject({
  vendorId: str,
  imported: int,
  added: int,
  costChanges: int,
});

const poLineAnswer = z.looseObject({
  lineNo: int,
  code: str,
  name: str.nullable(),
  vendorCode: str.nullable(),
  orderedMilli: int,
  costMinor: int,
  receivedMilli: int,
  /** Ordered minus received: more than zero still to come, less than zero delivered over. */
  openMilli: int,
  /** Ordered quantity × cost. */
  totalMinor: int,
});

export const purchaseOrderAnswerSchema = z.looseObject({
  id: str,
  number: int,
  vendorId: str,
  vendorName: str,
  status: z.enum(PO_STATUSES),
  expectedAt: str.nullable(),
  note: str.nullable(),
  userId: str.nullable(),
  createdAt: str,
  sentAt: str.nullable(),
  closedAt: str.nullable(),
  totalMinor: int,
  lines: z.array(poLineAnswer),
  receipts: z.array(z.looseObject({ id: str, receivedAt: str, invoiceNumber: str.nullable() })),
});
export type PurchaseOrder = z.infer<typeof purchaseOrderAnswerSchema>;

export const purchaseOrdersAnswerSchema = z.looseObject({
  orders: z.array(
    z.looseObject({
      id: str,
      number: int,
      vendorId: str,
      status: z.enum(PO_STATUSES),
      createdAt: str,
      expectedAt: str.nullable(),
      lineCount: int,
      totalMinor: int,
    }),
  ),
});

export const worksheetAnswerSchema = z.looseObject({
  vendorId: str,
  /** The days of sales beside each item: the 28 days before today. */
  salesFrom: str,
  salesTo: str,
  lines: z.array(
    z.looseObject({
      ...vendorItemFields,
      onHandMilli: int,
      /** Quantity on open orders from any vendor, not yet received. */
      onOrderMilli: int,
      soldMilli: int,
    }),
  ),
});
export type Worksheet = z.infer<typeof worksheetAnswerSchema>;

export const purchaseReceiptAnswerSchema = z.looseObject({
  id: str,
  /** The goods receipt's stock document number. */
  number: int,
  orderId: str.nullable(),
  orderStatus: z.enum(PO_STATUSES).nullable(),
  vendorId: str,
  invoiceNumber: str.nullable(),
  invoiceDate: str.nullable(),
  landedCostMinor: int,
  receivedAt: str,
  totalCostMinor: int,
  lines: z.array(
    z.looseObject({
      lineNo: int,
      code: str,
      /** Still open on the order before this receipt (null without an order). */
      openMilli: int.nullable(),
      receivedMilli: int,
      /** Received minus open: more than zero an over-delivery, less an under-delivery. */
      varianceMilli: int.nullable(),
      costMinor: int,
      landedMinor: int,
      unitCostMinor: int,
    }),
  ),
});
export type PurchaseReceipt = z.infer<typeof purchaseReceiptAnswerSchema>;

export const vendorCreditAnswerSchema = z.looseObject({
  id: str,
  number: int,
  vendorId: str,
  receiptId: str.nullable(),
  status: z.enum(["open", "settled"]),
  totalMinor: int,
  note: str.nullable(),
  createdAt: str,
  settledAt: str.nullable(),
  settlementRef: str.nullable(),
  lines: z.array(
    z.looseObject({
      lineNo: int,
      code: str,
      qtyMilli: int,
      reason: z.enum(CREDIT_REASONS),
      amountMinor: int,
    }),
  ),
});
export type VendorCredit = z.infer<typeof vendorCreditAnswerSchema>;

export const vendorCreditsAnswerSchema = z.looseObject({ credits: z.array(vendorCreditAnswerSchema) });
