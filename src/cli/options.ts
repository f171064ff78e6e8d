/**
 * zod schemas for each mode's options: one source of truth for their shape. Flags, RINGUP_*
 * environment variables and the TOML config all validate against these.
 */
import { z } from "zod";
import { LOG_LEVELS } from "../shared/log.ts";

const port = z.coerce
  .number({ error: "must be a port number" })
  .int("must be a whole port number")
  .min(0, "must be between 0 and 65535 (0 picks a free port)")
  .max(65535, "must be between 0 and 65535 (0 picks a free port)");

const url = required("give the server URL, e.g. http://127.0.0.1:7070").pipe(
  z.url({ error: "must be a URL such as http://127.0.0.1:7070" }),
);
const natsUrl = z
  .string()
  .regex(
    /^(nats|tls|wss?):\/\/[^\s]+$/,
    "must be a NATS URL such as nats://127.0.0.1:4222 or tls://host:4222",
  );
const id = required("give an id such as S1 or T1").regex(
  /^[A-Za-z0-9_]{1,16}$/,
  "must be 1 to 16 letters, digits or underscores (no '-': it separates receipt numbers)",
);
const token = z.string().min(16, "must be at least 16 characters").max(200, "must be at most 200 characters");
/** A string setting whose absence is reported as "is required" with what to pass. */
function required(what: string) {
  return z.string({
    error: (issue) => (issue.input === undefined ? `is required: ${what}` : "must be text"),
  });
}
const dir = required("give a directory").min(1, "must name a directory");
/** The body size limit of bulk imports (`--max-import-bytes`). */
const maxImportBytes = z.coerce
  .number({ error: "must be a number of bytes" })
  .int("must be a whole number of bytes")
  .min(64 * 1024, "must be at least 65536 (64 KiB)")
  .max(1024 * 1024 * 1024, "must be at most 1073741824 (1 GiB)")
  .optional();

/** `--log-level` / `RINGUP_LOG_LEVEL`: lines below it are not written. */
const logLevel = z.enum(LOG_LEVELS, { error: `must be one of ${LOG_LEVELS.join(", ")}` }).default("info");

const tlsOptions = { tlsCert: z.string().min(1).optional(), tlsKey: z.string().min(1).optional() };
const tlsPairGiven = (o: { tlsCert?: string | undefined; tlsKey?: string | undefined }) =>
  (o.tlsCert === undefined) === (o.tlsKey === undefined);
const tlsPairError = {
  error: "give both --tls-cert and --tls-key (the certificate and its private key), or neither",
  path: ["tlsCert"],
};

export const storeOptionsSchema = z
  .object({
    data: dir,
    port: port.default(7070),
    host: z.string().default("0.0.0.0"),
    storeId: id.default("S1"),
    adminToken: token.optional(),
    adminTokenFile: z.string().optional(),
    nats: natsUrl.optional(),
    natsCreds: z.string().optional(),
    hqUrl: z.url({ error: "must be head office's URL, such as https://hq.example:8080" }).optional(),
    hqToken: token.optional(),
    maxImportBytes,
    hqTokenFile: z.string().optional(),
    ...tlsOptions,
    tlsSelfSigned: z.boolean().optional(),
    config: z.string().optional(),
    logLevel,
  })
  .loose()
  .refine((o) => o.hqUrl === undefined || o.hqToken !== undefined || o.hqTokenFile !== undefined, {
    error: "give both --hq-url and --hq-token-file (the store's token from head office), or neither",
    path: ["hqUrl"],
  })
  .refine((o) => o.hqUrl !== undefined || (o.hqToken === undefined && o.hqTokenFile === undefined), {
    error: "an hq token needs --hq-url (head office's API) too",
    path: ["hqToken"],
  })
  .refine(tlsPairGiven, tlsPairError)
  .refine((o) => !(o.tlsSelfSigned && o.tlsCert !== undefined), {
    error: "give either --tls-self-signed or --tls-cert/--tls-key, not both",
    path: ["tlsSelfSigned"],
  });
export type StoreOptions = z.infer<typeof storeOptionsSchema>;

export const hqOptionsSchema = z
  .object({
    data: dir,
    port: port.default(8080),
    host: z.string().default("0.0.0.0"),
    adminToken: token.optional(),
    adminTokenFile: z.string().optional(),
    nats: natsUrl.optional(),
    natsCreds: z.string().optional(),
    maxImportBytes,
    ...tlsOptions,
    config: z.string().optional(),
    logLevel,
  })
  .loose()
  .refine(tlsPairGiven, tlsPairError);
export type HqOptions = z.infer<typeof hqOptionsSchema>;

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
