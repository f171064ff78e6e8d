/**
 * zod schemas for the till's, the admin commands' and the device check's options: one source
 * of truth for their shape. Flags, RINGUP_* environment variables and the TOML config all
 * validate against these. The servers' own options live with them (`src/store-server/options.ts`,
 * `src/hq/options.ts`).
 */
import { z } from "zod";
import { dir, id, logLevel, required, url } from "../shared/option-fields.ts";

export const LANGUAGES = ["en", "ru", "fr", "az"] as const;
export const tillOptionsSchema = z
  .object({
    server: url,
    tillId: id,
    data: dir.default("./till-data"),
    printer: z.string().optional(),
    scale: z.string().optional(),
    display: z.string().optional(),
    /** The card terminal: `sim:` (simulated) or `standalone:` (the cashier confirms each payment). */
    payment: z.string().optional(),
    /** A second card terminal (Ctrl+Z in payment), same URIs as `payment`. */
    payment2: z.string().optional(),
    /** Serial scanners (`serial:/dev/ttyACM0`): either one rings items. */
    scanner: z.string().optional(),
    scanner2: z.string().optional(),
    /** A scanner-scale's scale port: the till's scale when `scale` is not given. */
    scannerScale: z.string().optional(),
    /** The fiscal signature device: `tcp://HOST:PORT` (docs/devices.md, "Signature devices"). */
    signature: z.string().optional(),
    /** The fiscal printer (registrar): `tcp://HOST:PORT` (docs/devices.md, "Fiscal printers"). */
    registrar: z.string().optional(),
    lang: z.enum(LANGUAGES, { error: `must be one of ${LANGUAGES.join(", ")}` }).default("en"),
    /** A one-time code from `ringup admin till pair`: exchanged for the till's device token, then the till exits. */
    pair: z.string().min(1).max(40).optional(),
    /** A CA certificate (PEM) the store's HTTPS certificate is checked against, instead of the one pinned at pairing. */
    ca: z.string().min(1).optional(),
    logLevel,
  })
  .loose();
export type TillOptions = z.infer<typeof tillOptionsSchema>;

export const adminOptionsSchema = z.object({
  server: url,
  token: required(
    "pass the server's admin token with --token-file FILE or RINGUP_TOKEN (or --token, which ps shows)",
  ).min(1, "must not be empty"),
  json: z.boolean().default(false),
  /** A CA certificate (PEM) to check the server's HTTPS certificate against (a self-signed store's cert.pem). */
  ca: z.string().min(1).optional(),
  logLevel,
});
export type AdminOptions = z.infer<typeof adminOptionsSchema>;

export const devicesOptionsSchema = z.object({
  printer: z.string().optional(),
  scale: z.string().optional(),
  display: z.string().optional(),
  drawer: z.boolean().default(false),
  lang: z.enum(LANGUAGES).default("en"),
});
export type DevicesOptions = z.infer<typeof devicesOptionsSchema>;
