/**
 * The shop's own tenders at the store: head office's, replicated with the catalog, kept in
 * `custom_tenders`; tills sync them (`GET /tenders`). Sales, returns and exchanges take them by
 * id as their tender type (src/core/custom-tenders.ts).
 */
import { asc, eq } from "drizzle-orm";
import { customTenders } from "../../../schema/store.ts";
import type { CustomTenderAnswer } from "../../api/hq/tenders.ts";
import {
  type CustomTender,
  customTenderSchema,
  customTenderTypes,
  withDefaults,
} from "../../core/custom-tenders.ts";
import type { TenderType } from "../../core/tenders.ts";
import type { StoreContext, StoreTx } from "../context.ts";

type Db = StoreContext["db"] | StoreTx;

/** Every custom tender the store knows, ended ones too (a sale as rung may name one). */
export function knownCustomTenders(db: Db): CustomTenderAnswer[] {
  return db
    .select()
    .from(customTenders)
    .orderBy(asc(customTenders.id))
    .all()
    .map((row) => withDefaults(customTenderSchema.parse(JSON.parse(row.body))));
}

export function listCustomTenders(ctx: StoreContext, all: boolean): CustomTenderAnswer[] {
  const known = knownCustomTenders(ctx.db);
  return all ? known : known.filter((t) => t.active);
}

/** The tender types a sale or return may use here: the given ones and every known custom tender. */
export function withCustomTenderTypes(db: Db, base: readonly TenderType[]): TenderType[] {
  return [...base, ...customTenderTypes(knownCustomTenders(db))];
}

/** A custom tender from head office, applied in the caller's transaction (replication). */
export function applyHqTender(tx: StoreTx, value: CustomTender, at: Date): void {
  const tender = withDefaults(value);
  const row = {
    id: tender.id,
    body: JSON.stringify(tender),
    active: tender.active,
    updatedAt: at.toISOString(),
  };
  tx.insert(customTenders).values(row).onConflictDoUpdate({ target: customTenders.id, set: row }).run();
}

export function customTenderById(db: Db, id: string): CustomTenderAnswer | undefined {
  const row = db.select().from(customTenders).where(eq(customTenders.id, id)).get();
  return row === undefined ? undefined : withDefaults(customTenderSchema.parse(JSON.parse(row.body)));
}
