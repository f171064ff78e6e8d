/**
 * The shop's own tenders at head office (`POST /tenders`): kept, and recorded in the change log
 * in the same transaction, so every store (and through it every till) has them with the catalog.
 * A tender is replaced by posting it again under its id, and ended with `active: false`.
 */
import { asc, eq } from "drizzle-orm";
import { hqCustomTenders } from "../../../schema/hq.ts";
import type { CustomTenderAnswer } from "../../api/hq/tenders.ts";
import { ALL_STORES } from "../../core/catalog-changes.ts";
import { type CustomTender, customTenderSchema, withDefaults } from "../../core/custom-tenders.ts";
import { recordChange } from "../catalog/change-log.ts";
import { publishCommitted } from "../catalog/service.ts";
import type { HqContext } from "../context.ts";

type Row = typeof hqCustomTenders.$inferSelect;

function toAnswer(row: Row): CustomTenderAnswer {
  return withDefaults(customTenderSchema.parse(JSON.parse(row.body)));
}

export class HqTendersService {
  constructor(private readonly ctx: HqContext) {}

  list(all: boolean): CustomTenderAnswer[] {
    const base = this.ctx.db.select().from(hqCustomTenders);
    return (all ? base : base.where(eq(hqCustomTenders.active, true)))
      .orderBy(asc(hqCustomTenders.id))
      .all()
      .map(toAnswer);
  }

  /** Defines or replaces a tender (answers whether it is new), recorded for every store. */
  define(input: CustomTender): { tender: CustomTenderAnswer; created: boolean } {
    const tender = withDefaults(input);
    const at = this.ctx.now().toISOString();
    const { result, change } = this.ctx.db.transaction((tx) => {
      const existing = tx.select().from(hqCustomTenders).where(eq(hqCustomTenders.id, tender.id)).get();
      const row: Row = {
        id: tender.id,
        body: JSON.stringify(tender),
        active: tender.active,
        createdAt: existing?.createdAt ?? at,
        updatedAt: at,
      };
      tx.insert(hqCustomTenders)
        .values(row)
        .onConflictDoUpdate({ target: hqCustomTenders.id, set: row })
        .run();
      const change = recordChange(
        tx,
        { storeId: ALL_STORES, kind: "tender", key: tender.id, value: tender },
        new Date(at),
      );
      return { result: { tender: toAnswer(row), created: existing === undefined }, change };
    });
    publishCommitted(this.ctx, [change]);
    return result;
  }
}
