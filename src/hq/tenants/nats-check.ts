/**
 * Tenants are kept apart on NATS by accounts, which only exist where nats-server authenticates
 * its clients: without authentication every client shares one account, so every tenant's head
 * office would consume the others' streams. Before replicating a tenant, head office asks the
 * server once whether it requires authentication.
 */
import { connect } from "@nats-io/transport-node";
import { natsSecurity, natsServers } from "../../shared/nats/index.ts";

export type NatsIsolation = "accounts" | "shared" | "unreachable";

export async function natsIsolation(url: string, credsPath: string): Promise<NatsIsolation> {
  let nc: Awaited<ReturnType<typeof connect>>;
  try {
    nc = await connect({
      ...(await natsSecurity(url, credsPath)),
      servers: natsServers(url),
      name: "ringup hq (tenant check)",
      timeout: 3_000,
      maxReconnectAttempts: 0,
    });
  } catch {
    return "unreachable";
  }
  const required = nc.info?.auth_required === true;
  await nc.close().catch(() => undefined);
  return required ? "accounts" : "shared";
}
