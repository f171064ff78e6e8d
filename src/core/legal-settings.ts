/**
 * The seller's legal details (`[legal]` in the store's configuration), printed on invoices and
 * credit notes and written in the accounting export's header. A store without them issues no
 * invoice.
 */
import { z } from "zod";

const line = z.string().trim().min(1).max(80);

export const legalSettingsSchema = z.object({
  /** The registered name of the business (it may differ from the shop's name on receipts). */
  name: line,
  /** The registered address, one line per entry (street, postcode and city, country). */
  address: z.array(line).min(1).max(4),
  /** The tax (VAT, GST…) identification number. */
  taxId: z.string().trim().min(1).max(40),
  /** The company registration (trade register number, SIRET…). */
  registration: z.string().trim().min(1).max(60).optional(),
  /** ISO 3166-1 alpha-2 country of the business, for the SAF-T header (e.g. "FR"). */
  country: z
    .string()
    .regex(/^[A-Z]{2}$/, "must be an ISO 3166-1 alpha-2 code such as FR or DE")
    .optional(),
  email: z.string().trim().max(120).optional(),
  phone: z.string().trim().max(40).optional(),
  /** Put before every invoice and credit-note number (e.g. "S1-" for a chain's store): at most 8 characters. */
  invoicePrefix: z
    .string()
    .regex(/^[A-Za-z0-9-]{0,8}$/, "must be up to 8 letters, digits or dashes")
    .default(""),
  /** A line printed at the foot of invoices (payment terms, legal mentions). */
  invoiceNote: z.string().trim().max(200).optional(),
});

export type LegalSettings = z.infer<typeof legalSettingsSchema>;
