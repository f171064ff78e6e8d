/**
 * The stores registry: registering a store issues its API token and NATS credentials (shown
 * once) and rewrites the nats-server configuration; the list joins each store with its
 * replication state; settings set here are sent to that store only. Nothing here knows HTTP.
 */
import { asc, eq } from "drizzle-orm";
import { stores } from "../../../schema/hq.ts";
import type { StoreCredentials, StoreInput, StoreStatus } from "../../api/hq/stores.ts";
import { type StoreSettings, storeSettingsSchema } from "../../core/settings.ts";
import { storeScope } from "../auth/scopes.ts";
import { newToken, revokeTokensNamed, saveToken } from "../auth/tokens.ts";
import { recordChange } from "../catalog/change-log.ts";
import { publishCommitted } from "../catalog/service.ts";
import type { HqContext } from "../context.ts";
import { StoreExistsError, UnknownStoreError } from "../errors.ts";
import { recordUsersForStore } from "../users/distribution.ts";
import { divergenceOf } from "./journal.ts";
import {
  hashNatsPassword,
  natsCredsFileText,
  newNatsPassword,
  storeNatsUser,
  writeNatsConf,
} from "./nats-config.ts";
import { lagSeconds, type ReplicationState, replicationStates } from "./replication.ts";

type StoreRow = typeof stores.$inferSelect;

/** The name of the API token a store is issued (renewing credentials revokes it). */
function storeTokenName(storeId: string): string {
  return `store ${storeId}`;
}

const NO_REPLICATION: ReplicationState = {
  lastSeq: 0,
  lastHash: null,
  lastEventAt: null,
  appliedAt: null,
  gapFromSeq: null,
  gapSince: null,
  deadLetters: 0,
  oldestDeadLetter: null,
  heldBack: 0,
};

export class StoresService {
  constructor(private readonly ctx: HqContext) {}

  /** Registers a store; its credentials are in the answer and nowhere else. */
  register(input: StoreInput): { store: StoreStatus; credentials: StoreCredentials } {
    const now = this.ctx.now();
    const at = now.toISOString();
    const password = newNatsPassword();
    const passwordHash = hashNatsPassword(password);
    const apiToken = newToken(this.ctx.tenant);
    const user = storeNatsUser(input.storeId, this.ctx.tenant);
    const users = this.ctx.db.transaction((tx) => {
      if (tx.select({ id: stores.storeId }).from(stores).where(eq(stores.storeId, input.storeId)).get()) {
        throw new StoreExistsError(input.storeId);
      }
      tx.insert(stores)
        .values({
          storeId: input.storeId,
          name: input.name,
          timeZone: input.timeZone ?? "UTC",
          currency: input.currency ?? "USD",
          natsUser: user,
          natsPasswordHash: passwordHash,
          settings: null,
          createdAt: at,
          updatedAt: at,
        })
        .run();
      saveToken(tx, apiToken, storeTokenName(input.storeId), [storeScope(input.storeId)], now);
      // Inside the transaction: if the file cannot be written, the store is not registered.
      writeNatsConf(this.ctx, tx);
      return recordUsersForStore(tx, input.storeId, now);
    });
    publishCommitted(this.ctx, users);
    this.ctx.log(`hq: registered store ${input.storeId}; reload nats-server to let it connect`);
    return {
      store: this.get(input.storeId),
      credentials: { apiToken, nats: { user, password }, natsCredsFile: natsCredsFileText(user, password) },
    };
  }

  /** Replaces a store's NATS password and API token (the old ones stop working). */
  renewCredentials(storeId: string): StoreCredentials {
    const now = this.ctx.now();
    const password = newNatsPassword();
    const passwordHash = hashNatsPassword(password);
    const apiToken = newToken(this.ctx.tenant);
    const user = storeNatsUser(storeId, this.ctx.tenant);
    this.ctx.db.transaction((tx) => {
      this.requireRow(storeId);
      tx.update(stores)
        .set({ natsPasswordHash: passwordHash, updatedAt: now.toISOString() })
        .where(eq(stores.storeId, storeId))
        .run();
      revokeTokensNamed(tx, storeTokenName(storeId), now);
      saveToken(tx, apiToken, storeTokenName(storeId), [storeScope(storeId)], now);
      writeNatsConf(this.ctx, tx);
    });
    return { apiToken, nats: { user, password }, natsCredsFile: natsCredsFileText(user, password) };
  }

  /** Registered stores, and stores seen by replication without being registered, by id. */
  list(): StoreStatus[] {
    const states = replicationStates(this.ctx.db);
    const rows = this.ctx.db.select().from(stores).orderBy(asc(stores.storeId)).all();
    const now = this.ctx.now();
    const out = rows.map((row) => this.status(row.storeId, row, states.get(row.storeId), now));
    const registered = new Set(rows.map((r) => r.storeId));
    for (const [storeId, state] of states) {
      if (!registered.has(storeId)) out.push(this.status(storeId, undefined, state, now));
    }
    return out.sort((a, b) => a.storeId.localeCompare(b.storeId));
  }

  get(storeId: string): StoreStatus {
    const row = this.requireRow(storeId);
    return this.status(storeId, row, replicationStates(this.ctx.db).get(storeId), this.ctx.now());
  }

  settings(storeId: string): StoreSettings | null {
    const row = this.requireRow(storeId);
    return row.settings === null ? null : storeSettingsSchema.parse(JSON.parse(row.settings));
  }

  /** Replaces a store's settings and sends them to that store; name, zone and currency follow. */
  setSettings(storeId: string, settings: StoreSettings): StoreSettings {
    const now = this.ctx.now();
    const change = this.ctx.db.transaction((tx) => {
      this.requireRow(storeId);
      tx.update(stores)
        .set({
          name: settings.storeName,
          timeZone: settings.timeZone,
          currency: settings.currency,
          settings: JSON.stringify(settings),
          updatedAt: now.toISOString(),
        })
        .where(eq(stores.storeId, storeId))
        .run();
      return recordChange(tx, { storeId, kind: "settings", key: "settings", value: settings }, now);
    });
    publishCommitted(this.ctx, [change]);
    return settings;
  }

  private requireRow(storeId: string): StoreRow {
    const row = this.ctx.db.select().from(stores).where(eq(stores.storeId, storeId)).get();
    if (!row) throw new UnknownStoreError(storeId);
    return row;
  }

  private status(
    storeId: string,
    row: StoreRow | undefined,
    state: ReplicationState | undefined,
    now: Date,
  ): StoreStatus {
    const s = state ?? NO_REPLICATION;
    return {
      storeId,
      name: row?.name ?? null,
      registered: row !== undefined,
      timeZone: row?.timeZone ?? null,
      currency: row?.currency ?? null,
      lastSeq: s.lastSeq,
      lastEventAt: s.lastEventAt,
      lagSeconds: lagSeconds(s, now),
      deadLetters: s.deadLetters,
      oldestDeadLetter: s.oldestDeadLetter,
      heldBack: s.heldBack,
      gap: s.gapFromSeq !== null && s.gapSince !== null ? { fromSeq: s.gapFromSeq, since: s.gapSince } : null,
      lastHash: s.lastHash,
      diverged: divergenceOf(this.ctx.db, storeId, s.lastSeq),
      createdAt: row?.createdAt ?? null,
    };
  }
}
