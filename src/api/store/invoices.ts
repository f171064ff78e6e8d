/**
 * Shapes of invoices and credit notes: the request for one, the document as issued (kept as it
 * was issued and answered again on every reprint), and the list. Money in minor units of the
 * store's currency, quantities in thousandths.
 */
import { z } from "zod";

const text = (max: number) => z.string().trim().min(1, "must not be empty").max(max);

/** Who the invoice is made out to. */
export const invoiceBuyerSchema = z.strictObject({
  name: text(120),
  /** The buyer's postal address; lines separated by newlines. */
  address: text(400),
  /** The buyer's tax (VAT) number, when the buyer is a business. */
  taxId: text(40).optional(),
});
export type InvoiceBuyer = z.infer<typeof invoiceBuyerSchema>;

const id = z.string().trim().min(1).max(64);

/** `POST /invoices`: an invoice for a sale (or for an order, once collected as a sale). */
export const invoiceRequestSchema = z.union(
  [
    z.strictObject({ saleId: id, buyer: invoiceBuyerSchema }),
    z.strictObject({ orderId: id, buyer: invoiceBuyerSchema }),
  ],
  { error: "give either saleId or orderId (not both), and the buyer: {name, address, taxId?}" },
);
export type InvoiceRequest = z.infer<typeof invoiceRequestSchema>;

/** `POST /credit-notes`: a credit note for a return of an invoiced sale, or for an invoiced sale voided since. */
export const creditNoteRequestSchema = z.union(
  [z.strictObject({ returnId: id }), z.strictObject({ voidedSaleId: id })],
  {
    error:
      "give either returnId (a return of an invoiced sale) or voidedSaleId (an invoiced sale voided since)",
  },
);
export type CreditNoteRequest = z.infer<typeof creditNoteRequestSchema>;

/** An invoice's or credit note's number: `[prefix]YYYY-NNNNNN`, credit notes `[prefix]CNYYYY-NNNNNN`. */
export const invoiceNumberSchema = z
  .string()
  .regex(/^[A-Za-z0-9-]{0,8}?(?:CN)?\d{4}-\d{6}$/, "must be an invoice number such as 2026-000001");

export const invoiceParamsSchema = z.object({
  number: z
    .string()
    .regex(
      /^[A-Za-z0-9-]{1,30}(?:\.(?:pdf|txt))?$/,
      "must be an invoice number such as 2026-000001, optionally with .pdf or .txt",
    ),
});

export const invoicesQuerySchema = z.object({
  year: z.coerce.number().int().min(2000).max(9999).optional(),
  kind: z.enum(["invoice", "credit_note"]).optional(),
});

const int = z.number().int();

export const invoiceLineSchema = z.object({
  lineNo: int,
  code: z.string(),
  name: z.string(),
  qtyMilli: int,
  unitPriceMinor: int,
  discountMinor: int,
  taxClass: z.string().nullable(),
  /** The rate as rung ("8.875"), "0" for a line without tax. */
  taxRate: z.string(),
  netMinor: int,
  taxMinor: int,
  grossMinor: int,
});

export const invoiceTaxSchema = z.object({
  /** "" for lines without a tax class. */
  taxClass: z.string(),
  rate: z.string(),
  netMinor: int,
  taxMinor: int,
  grossMinor: int,
});

export const invoiceSellerSchema = z.object({
  name: z.string(),
  address: z.array(z.string()),
  taxId: z.string(),
  registration: z.string().nullable(),
  email: z.string().nullable(),
  phone: z.string().nullable(),
});

/** An invoice or credit note as issued: never changed afterwards. */
export const invoiceSchema = z.object({
  number: z.string(),
  kind: z.enum(["invoice", "credit_note"]),
  storeId: z.string(),
  issuedAt: z.string(),
  /** The business day it was issued on (the legal date of the invoice). */
  issueDate: z.string(),
  issuedBy: z.string(),
  saleId: z.string(),
  orderId: z.string().nullable(),
  /** A credit note's return. */
  returnId: z.string().nullable(),
  /** A credit note's invoice. */
  refersTo: z.string().nullable(),
  /** The receipt number of the sale (or of the return). */
  receiptNo: z.string(),
  /** When the sale (or return) was made. */
  supplyDate: z.string(),
  currency: z.string(),
  pricesIncludeTax: z.boolean(),
  seller: invoiceSellerSchema,
  buyer: z.object({ name: z.string(), address: z.string(), taxId: z.string().nullable() }),
  lines: z.array(invoiceLineSchema),
  taxes: z.array(invoiceTaxSchema),
  netMinor: int,
  taxMinor: int,
  totalMinor: int,
  note: z.string().nullable(),
});
export type Invoice = z.infer<typeof invoiceSchema>;

/** `POST /invoices` and `POST /credit-notes`: the document, and whether this request made it. */
export const issuedInvoiceAnswerSchema = invoiceSchema.extend({ created: z.boolean() });

export const invoicesAnswerSchema = z.object({
  invoices: z.array(
    z.object({
      number: z.string(),
      kind: z.enum(["invoice", "credit_note"]),
      issuedAt: z.string(),
      saleId: z.string(),
      returnId: z.string().nullable(),
      buyerName: z.string(),
      totalMinor: int,
    }),
  ),
});
