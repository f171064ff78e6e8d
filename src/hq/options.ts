/**
 * Head office's options (flags, RINGUP_* environment variables and the TOML config all
 * validate against this schema): one source of truth for their shape.
 */
import { z } from "zod";
import {
  dir,
  logLevel,
  maxImportBytes,
  natsReplicas,
  natsUrl,
  port,
  tlsOptions,
  tlsPairError,
  tlsPairGiven,
  token,
} from "../shared/option-fields.ts";

export const hqOptionsSchema = z
  .object({
    data: dir,
    /** `--database sqlite:PATH | postgres://…` (RINGUP_DATABASE); default hq.db under --data. */
    database: z.string().min(1).optional(),
    port: port.default(8080),
    host: z.string().default("0.0.0.0"),
    adminToken: token.optional(),
    adminTokenFile: z.string().optional(),
    nats: natsUrl.optional(),
    natsCreds: z.string().optional(),
    natsReplicas,
    maxImportBytes,
    ...tlsOptions,
    config: z.string().optional(),
    logLevel,
  })
  .loose()
  .refine(tlsPairGiven, tlsPairError);
export type HqOptions = z.infer<typeof hqOptionsSchema>;
