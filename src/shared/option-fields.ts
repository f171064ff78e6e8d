/**
 * The fields several modes' options share (ports, ids, tokens, directories, TLS), with the
 * messages a person sees when one is wrong. Each mode's options schema is built from these.
 */
import { z } from "zod";
import { LOG_LEVELS } from "./log.ts";
import { parseNatsServers } from "./nats/servers.ts";

const REPLICAS_ERROR = "must be a whole number of replicas from 1 to 5 (3 on a cluster of three servers)";

export const port = z.coerce
  .number({ error: "must be a port number" })
  .int("must be a whole port number")
  .min(0, "must be between 0 and 65535 (0 picks a free port)")
  .max(65535, "must be between 0 and 65535 (0 picks a free port)");

export const url = required("give the server URL, e.g. http://127.0.0.1:7070").pipe(
  z.url({ error: "must be a URL such as http://127.0.0.1:7070" }),
);
/**
 * `--nats URL[,URL…]`: one server or a cluster's (a config file may give an array); every
 * entry is checked, and the value is the list joined with commas.
 */
export const natsUrl = z
  .union([z.string(), z.array(z.string())], { error: "must be a NATS URL, or several separated by commas" })
  .transform((input, ctx) => {
    const parsed = parseNatsServers(input);
    if (parsed.ok) return parsed.servers.join(",");
    ctx.addIssue({ code: "custom", message: parsed.problem });
    return z.NEVER;
  });
/** `--nats-replicas N` (head office): replicas of the streams and consumers it creates. */
export const natsReplicas = z.coerce
  .number({ error: REPLICAS_ERROR })
  .int(REPLICAS_ERROR)
  .min(1, REPLICAS_ERROR)
  .max(5, REPLICAS_ERROR)
  .default(1);
export const id = required("give an id such as S1 or T1").regex(
  /^[A-Za-z0-9_]{1,16}$/,
  "must be 1 to 16 letters, digits or underscores (no '-': it separates receipt numbers)",
);
export const token = z
  .string()
  .min(16, "must be at least 16 characters")
  .max(200, "must be at most 200 characters");
/** A string setting whose absence is reported as "is required" with what to pass. */
export function required(what: string) {
  return z.string({
    error: (issue) => (issue.input === undefined ? `is required: ${what}` : "must be text"),
  });
}
export const dir = required("give a directory").min(1, "must name a directory");
/** The body size limit of bulk imports (`--max-import-bytes`). */
export const maxImportBytes = z.coerce
  .number({ error: "must be a number of bytes" })
  .int("must be a whole number of bytes")
  .min(64 * 1024, "must be at least 65536 (64 KiB)")
  .max(1024 * 1024 * 1024, "must be at most 1073741824 (1 GiB)")
  .optional();

export const tlsOptions = { tlsCert: z.string().min(1).optional(), tlsKey: z.string().min(1).optional() };
export const tlsPairGiven = (o: { tlsCert?: string | undefined; tlsKey?: string | undefined }) =>
  (o.tlsCert === undefined) === (o.tlsKey === undefined);
export const tlsPairError = {
  error: "give both --tls-cert and --tls-key (the certificate and its private key), or neither",
  path: ["tlsCert"],
};

/** `--log-level` / `RINGUP_LOG_LEVEL`: lines below it are not written. */
export const logLevel = z
  .enum(LOG_LEVELS, { error: `must be one of ${LOG_LEVELS.join(", ")}` })
  .default("info");
