/**
 * The store server's options (flags, RINGUP_* environment variables and the TOML config all
 * validate against this schema): one source of truth for their shape.
 */
import { z } from "zod";
import {
  dir,
  id,
  logLevel,
  maxImportBytes,
  natsUrl,
  port,
  tlsOptions,
  tlsPairError,
  tlsPairGiven,
  token,
} from "../shared/option-fields.ts";

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
    /** Rebuild what the journal lacks from head office's copy before serving. */
    recoverFromHq: z.boolean().optional(),
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
  .refine((o) => !o.recoverFromHq || o.hqUrl !== undefined, {
    error: "--recover-from-hq needs the store's link to head office: --hq-url and --hq-token-file",
    path: ["recoverFromHq"],
  })
  .refine(tlsPairGiven, tlsPairError)
  .refine((o) => !(o.tlsSelfSigned && o.tlsCert !== undefined), {
    error: "give either --tls-self-signed or --tls-cert/--tls-key, not both",
    path: ["tlsSelfSigned"],
  });
export type StoreOptions = z.infer<typeof storeOptionsSchema>;
