/**
 * An invoice on request, through the store with the till's session (`POST /invoices`): the
 * store numbers it, keeps it and audits who asked at which till. What the store refuses is said
 * in the till's words: a missing buyer field by its name, a sale still in the till's outbox as
 * not yet at the store, an unreachable store as "invoices need the store".
 */
import type { Invoice, InvoiceBuyer } from "../../api/store/invoices.ts";
import { tillStoreRoutes } from "../../api/store/till-routes.ts";
import { DomainError } from "../../core/errors.ts";
import { StoreRefusedError } from "./errors.ts";
import { OnlineOperations } from "./online-operations.ts";

/** The store unreachable: invoices need it. */
export class InvoicesNeedStoreError extends DomainError {
  readonly code = "INVOICES_NEED_STORE";
  override readonly kind = "unavailable";
}

/** A buyer field the store refused (`buyer.name`, `buyer.address`, `buyer.taxId`). */
export class InvoiceBuyerError extends DomainError {
  override readonly kind = "invalid";
  constructor(
    readonly code: "INVOICE_BUYER_NAME" | "INVOICE_BUYER_ADDRESS" | "INVOICE_BUYER_TAX_ID",
    message: string,
  ) {
    super(message);
  }
}

/** The sale is not at the store yet (still in the till's outbox). */
export class InvoiceSaleNotAtStoreError extends DomainError {
  readonly code = "INVOICE_SALE_NOT_AT_STORE";
  override readonly kind = "not_found";
}

const BUYER_FIELDS = {
  "buyer.name": "INVOICE_BUYER_NAME",
  "buyer.address": "INVOICE_BUYER_ADDRESS",
  "buyer.taxId": "INVOICE_BUYER_TAX_ID",
} as const;

function refusedField(err: StoreRefusedError): keyof typeof BUYER_FIELDS | undefined {
  if (err.code !== "INVALID_REQUEST" || !Array.isArray(err.details)) return undefined;
  const path: unknown = (err.details[0] as { path?: unknown } | undefined)?.path;
  return typeof path === "string" && path in BUYER_FIELDS ? (path as keyof typeof BUYER_FIELDS) : undefined;
}

export class InvoiceOperations extends OnlineOperations {
  /** The invoice of a recorded sale, made out to the buyer (the one already issued when asked again). */
  async issueInvoice(saleId: string, buyer: InvoiceBuyer): Promise<Invoice> {
    try {
      return await this.call("an invoice", (token) =>
        this.storeClient().request(tillStoreRoutes["POST /api/v1/invoices"], {
          body: { saleId, buyer },
          token,
        }),
      );
    } catch (err) {
      if (err instanceof DomainError && err.code === "STORE_UNREACHABLE")
        throw new InvoicesNeedStoreError(err.message);
      if (err instanceof StoreRefusedError) {
        const field = refusedField(err);
        if (field !== undefined) throw new InvoiceBuyerError(BUYER_FIELDS[field], err.message);
        if (err.code === "SALE_NOT_FOUND") throw new InvoiceSaleNotAtStoreError(err.message);
      }
      throw err;
    }
  }
}
