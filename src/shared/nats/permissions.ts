/**
 * NATS permissions of each party, and the nats-server `authorization` block that grants them.
 * A store may publish only its own event subjects and read only what HQ sends it: its applied
 * pointer, and the catalog entries for every store and for itself (through consumers whose
 * names and filters the permissions pin down). HQ may not publish as a store either.
 */
import {
  appliedSubject,
  CATALOG_STREAM,
  catalogConsumerName,
  catalogFilter,
  INGEST_CONSUMER,
  STORE_EVENTS_STREAM,
  storeEventsFilter,
  storeInboxPrefix,
} from "./subjects.ts";

export interface NatsPermissions {
  publish: { allow: string[] };
  subscribe: { allow: string[] };
}

export function storeNatsPermissions(storeId: string): NatsPermissions {
  const catalogApi = (["all", "own"] as const).flatMap((target) => {
    const name = catalogConsumerName(target, storeId);
    return [
      `$JS.API.CONSUMER.CREATE.${CATALOG_STREAM}.${name}.${catalogFilter(target, storeId)}`,
      `$JS.API.CONSUMER.INFO.${CATALOG_STREAM}.${name}`,
      `$JS.API.CONSUMER.DELETE.${CATALOG_STREAM}.${name}`,
      `$JS.API.CONSUMER.MSG.NEXT.${CATALOG_STREAM}.${name}`,
    ];
  });
  return {
    publish: {
      allow: [storeEventsFilter(storeId), `$JS.API.STREAM.INFO.${CATALOG_STREAM}`, ...catalogApi],
    },
    subscribe: { allow: [`${storeInboxPrefix(storeId)}.>`, appliedSubject(storeId)] },
  };
}

/** HQ: manages the streams, consumes every store's events, publishes pointers and the catalog. */
export function hqNatsPermissions(): NatsPermissions {
  return {
    publish: {
      allow: ["ringup.v1.hq.>", "$JS.API.>", `$JS.ACK.${STORE_EVENTS_STREAM}.${INGEST_CONSUMER}.>`],
    },
    subscribe: { allow: ["_INBOX.>"] },
  };
}

export interface NatsUser {
  user: string;
  /** Plain text, or a bcrypt hash ($2a$…) as nats-server accepts. */
  password: string;
  permissions: NatsPermissions;
}

/** A nats-server `authorization { users = […] }` block for these users. */
export function natsAuthorizationBlock(users: readonly NatsUser[]): string {
  const lines = users.map((u) => `    ${JSON.stringify(u)}`);
  return `authorization {\n  users = [\n${lines.join("\n")}\n  ]\n}\n`;
}

/** A `users = […]` list alone, included inside an account of nats-server's `accounts` block. */
export function natsUsersList(users: readonly NatsUser[]): string {
  const lines = users.map((u) => `  ${JSON.stringify(u)}`);
  return `users = [\n${lines.join("\n")}\n]\n`;
}
