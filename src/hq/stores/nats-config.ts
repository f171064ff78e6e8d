/**
 * NATS credentials of head office and of each store, and the nats-server configuration that
 * grants them (`nats-accounts.conf` in the data directory, rewritten whenever a store is added
 * or its credentials are replaced). Passwords are random; the file holds only their bcrypt
 * hashes, which nats-server accepts in place of the password. A store's password is shown once,
 * when it is registered; head office's own is kept in `nats-hq.creds` (mode 0600) for
 * `--nats-creds`.
 *
 * nats-server reads the file through an `include` in its main configuration and picks up a
 * rewrite on `nats-server --signal reload` (see docs/hq.md).
 */
import { chmodSync, existsSync, renameSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { asc, eq } from "drizzle-orm";
import { hqMeta, stores } from "../../../schema/hq.ts";
import {
  hqNatsPermissions,
  type NatsUser,
  natsAuthorizationBlock,
  natsUsersList,
  storeNatsPermissions,
} from "../../shared/nats/index.ts";
import type { HqContext, HqDb, HqTx } from "../context.ts";

export const NATS_CONF_FILE = "nats-accounts.conf";
export const HQ_CREDS_FILE = "nats-hq.creds";
export const HQ_NATS_USER = "hq";
export const NATS_USERS_FILE = "nats-users.conf";
const HQ_HASH_KEY = "nats_hq_password_hash";

/** A NATS user name; a tenant's users carry its id, as user names are unique across a server. */
export function storeNatsUser(storeId: string, tenant?: string): string {
  return tenant === undefined ? `store_${storeId}` : `${tenant}.store_${storeId}`;
}

export function hqNatsUser(tenant?: string): string {
  return tenant === undefined ? HQ_NATS_USER : `${tenant}.${HQ_NATS_USER}`;
}

export function newNatsPassword(): string {
  const bytes = new Uint8Array(24);
  crypto.getRandomValues(bytes);
  return Buffer.from(bytes).toString("base64url");
}

/** bcrypt, as nats-server checks it. */
export function hashNatsPassword(password: string): string {
  return Bun.password.hashSync(password, { algorithm: "bcrypt", cost: 11 });
}

/** A `--nats-creds` file (TOML) for a user and password. */
export function natsCredsFileText(user: string, password: string): string {
  return `# NATS credentials for ringup (--nats-creds); keep this file private.\nuser = ${JSON.stringify(user)}\npassword = ${JSON.stringify(password)}\n`;
}

/** Writes a file whole (a reader never sees half of it) with the given mode. */
function writeAtomically(path: string, text: string, mode: number): void {
  const tmp = `${path}.tmp-${process.pid}`;
  writeFileSync(tmp, text, { mode });
  chmodSync(tmp, mode);
  renameSync(tmp, path);
}

/** The path of head office's own credentials file, made with a new password when missing. */
export function ensureHqNatsCredentials(ctx: HqContext, db: HqDb | HqTx = ctx.db): string {
  const path = join(ctx.dataDir, HQ_CREDS_FILE);
  const stored = db.select().from(hqMeta).where(eq(hqMeta.key, HQ_HASH_KEY)).get();
  if (stored && existsSync(path)) return path;
  const password = newNatsPassword();
  const hash = hashNatsPassword(password);
  writeAtomically(path, natsCredsFileText(hqNatsUser(ctx.tenant), password), 0o600);
  db.insert(hqMeta)
    .values({ key: HQ_HASH_KEY, value: hash })
    .onConflictDoUpdate({ target: hqMeta.key, set: { value: hash } })
    .run();
  return path;
}

/** The NATS users of head office and every registered store, with their permissions. */
export function natsUsers(db: HqDb | HqTx, tenant?: string): NatsUser[] {
  const hq = db.select().from(hqMeta).where(eq(hqMeta.key, HQ_HASH_KEY)).get();
  return [
    ...(hq ? [{ user: hqNatsUser(tenant), password: hq.value, permissions: hqNatsPermissions() }] : []),
    ...db
      .select({ storeId: stores.storeId, user: stores.natsUser, hash: stores.natsPasswordHash })
      .from(stores)
      .orderBy(asc(stores.storeId))
      .all()
      .map((s) => ({ user: s.user, password: s.hash, permissions: storeNatsPermissions(s.storeId) })),
  ];
}

/** The nats-server configuration for head office and every registered store. */
export function renderNatsConf(db: HqDb | HqTx, tenant?: string): string {
  return `# Written by ringup hq; rewritten when a store is added. Include it from nats-server.conf
# and run 'nats-server --signal reload' after a change. Passwords are bcrypt hashes.
${natsAuthorizationBlock(natsUsers(db, tenant))}`;
}

/**
 * Rewrites `nats-accounts.conf` in the data directory (making head office's own credentials
 * first when missing, so the file always grants head office too); answers its path.
 */
export function writeNatsConf(ctx: HqContext, db: HqDb | HqTx = ctx.db): string {
  ensureHqNatsCredentials(ctx, db);
  const path = join(ctx.dataDir, NATS_CONF_FILE);
  // Hashes only: readable by the group, so nats-server may run as another user of it.
  writeAtomically(path, renderNatsConf(db, ctx.tenant), 0o640);
  // The same users as one account's list, for nats-tenants.conf (see src/hq/tenants/nats.ts).
  writeAtomically(join(ctx.dataDir, NATS_USERS_FILE), natsUsersList(natsUsers(db, ctx.tenant)), 0o640);
  return path;
}
