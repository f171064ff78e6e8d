/**
 * Connection security for NATS: the `--nats-creds FILE` of `ringup store` and `ringup hq`,
 * and TLS. The file is either a standard NATS `.creds` file (user JWT and nkey seed, for
 * operator-mode deployments) or a small TOML file:
 *
 *   user = "S1"                 # or: token = "…"
 *   password = "…"
 *   [tls]                       # optional; a tls:// URL alone turns TLS on with the system CAs
 *   ca = "/etc/ringup/nats-ca.pem"
 *   cert = "/etc/ringup/s1.pem" # client certificate, when the server verifies clients
 *   key = "/etc/ringup/s1.key"
 */
import { credsAuthenticator, type NodeConnectionOptions } from "@nats-io/transport-node";
import { z } from "zod";
import { ConfigError } from "../config.ts";
import { natsListWantsTls } from "./servers.ts";

const tlsSchema = z.strictObject({
  ca: z.string().min(1).optional(),
  cert: z.string().min(1).optional(),
  key: z.string().min(1).optional(),
});

export const natsCredentialsFileSchema = z
  .strictObject({
    user: z.string().min(1).optional(),
    password: z.string().min(1).optional(),
    token: z.string().min(1).optional(),
    tls: tlsSchema.optional(),
  })
  .refine((c) => (c.user === undefined) === (c.password === undefined), {
    message: "give both user and password, or neither",
  })
  .refine((c) => !(c.token && c.user), { message: "give a token or a user and password, not both" });
export type NatsCredentialsFile = z.infer<typeof natsCredentialsFileSchema>;

export type NatsTls = z.infer<typeof tlsSchema>;

/** Connection options that authenticate and secure a connection. */
export type NatsSecurity = Pick<NodeConnectionOptions, "user" | "pass" | "token" | "authenticator" | "tls">;

const JWT_MARKER = "-----BEGIN NATS USER JWT-----";

/** Options from a credentials file (or none) and the servers' URLs (tls:// asks for TLS). */
export async function natsSecurity(url: string, credsPath: string | undefined): Promise<NatsSecurity> {
  const wantsTls = natsListWantsTls(url);
  const security: NatsSecurity = {};
  let tls: NatsTls | undefined;
  if (credsPath !== undefined) {
    const file = Bun.file(credsPath);
    if (!(await file.exists())) {
      throw new ConfigError(`NATS credentials file ${credsPath} does not exist: check --nats-creds`);
    }
    const text = await file.text();
    if (text.includes(JWT_MARKER)) {
      security.authenticator = credsAuthenticator(new TextEncoder().encode(text));
    } else {
      const parsed = parseCredentials(credsPath, text);
      if (parsed.user !== undefined) security.user = parsed.user;
      if (parsed.password !== undefined) security.pass = parsed.password;
      if (parsed.token !== undefined) security.token = parsed.token;
      tls = parsed.tls;
    }
  }
  if (tls !== undefined || wantsTls) {
    security.tls = {
      ...(tls?.ca ? { caFile: tls.ca } : {}),
      ...(tls?.cert ? { certFile: tls.cert } : {}),
      ...(tls?.key ? { keyFile: tls.key } : {}),
    };
  }
  return security;
}

function parseCredentials(path: string, text: string): NatsCredentialsFile {
  let table: unknown;
  try {
    table = Bun.TOML.parse(text);
  } catch (err) {
    const reason = err instanceof Error ? err.message : String(err);
    throw new ConfigError(`NATS credentials file ${path} is neither a .creds file nor valid TOML: ${reason}`);
  }
  const parsed = natsCredentialsFileSchema.safeParse(table);
  if (!parsed.success) {
    const problems = parsed.error.issues.map((i) => `${i.path.join(".") || "(file)"}: ${i.message}`);
    throw new ConfigError(`NATS credentials file ${path} is not valid:\n  ${problems.join("\n  ")}`);
  }
  return parsed.data;
}
