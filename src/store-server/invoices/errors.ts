/** The domain errors of invoices and credit notes: each code with its kind. */
import { featureErrors } from "../../core/errors.ts";

export class InvoiceError extends featureErrors({
  LEGAL_DETAILS_MISSING: "conflict",
  SALE_NOT_FOUND: "not_found",
  SALE_VOIDED: "conflict",
  SALE_ALREADY_INVOICED: "conflict",
  ORDER_NOT_FOUND: "not_found",
  ORDER_NOT_COLLECTED: "conflict",
  RETURN_NOT_FOUND: "not_found",
  RETURN_WITHOUT_SALE: "conflict",
  SALE_NOT_INVOICED: "conflict",
  SALE_NOT_VOIDED: "conflict",
  INVOICE_NOT_FOUND: "not_found",
}) {}

export type InvoiceErrorCode = InvoiceError["code"];
