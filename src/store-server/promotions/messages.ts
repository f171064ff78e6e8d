/**
 * Messages at the store: head office's, replicated with the catalog, kept in `messages`; tills
 * sync those in force (`GET /messages`) with the promotions. A prize-draw code printed by a till
 * is recorded here with its sale, once.
 */
import { asc, eq } from "drizzle-orm";
import { messages, prizeCodes } from "../../../schema/store.ts";
import type { MessageChangeValue } from "../../core/catalog-changes.ts";
import { type Message, messageSchema, prizeCodeOf } from "../../core/messages/index.ts";
import type { StoreContext, StoreTx } from "../context.ts";
import { promotionsChanged } from "./book.ts";
import { StorePromotionError } from "./errors.ts";
import { isStoreOwn } from "./store-own.ts";

export type StoredMessage = Message & { source: "hq" | "store"; active: boolean; updatedAt: string };

export function listMessages(ctx: StoreContext, all: boolean): StoredMessage[] {
  const base = ctx.db.select().from(messages);
  return (all ? base : base.where(eq(messages.active, true)))
    .orderBy(asc(messages.id))
    .all()
    .map((row) => ({
      ...messageSchema.parse(JSON.parse(row.body)),
      source: row.source,
      active: row.active,
      updatedAt: row.updatedAt,
    }));
}

/**
 * A message from head office, applied in the caller's transaction (replication); false (skipped)
 * when the store has its own under that id.
 */
export function applyHqMessage(ctx: StoreContext, tx: StoreTx, value: MessageChangeValue, at: Date): boolean {
  if (isStoreOwn(tx, messages, value.message.id)) return false;
  const row = {
    id: value.message.id,
    source: "hq" as const,
    body: JSON.stringify(value.message),
    active: value.active,
    updatedAt: at.toISOString(),
  };
  tx.insert(messages).values(row).onConflictDoUpdate({ target: messages.id, set: row }).run();
  promotionsChanged(ctx);
  return true;
}

/** Refuses a prize-draw code that is not the sale's own (it cannot be made up at the till). */
export function requirePrizeCode(saleId: string, code: string | undefined): void {
  if (code !== undefined && code !== prizeCodeOf(saleId)) {
    throw new StorePromotionError("PRIZE_CODE_INVALID", `prize-draw code ${code} is not sale ${saleId}'s`, {
      code,
    });
  }
}

/** Records a sale's prize-draw code (once: a repeat of the sale changes nothing). */
export function recordPrizeCode(ctx: StoreContext, saleId: string, code: string, at: string): void {
  ctx.db.insert(prizeCodes).values({ code, saleId, at }).onConflictDoNothing().run();
}
