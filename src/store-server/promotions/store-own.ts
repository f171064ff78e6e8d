/** Whether a promotion or message id is the store's own: head office's replication never replaces one. */
import { eq } from "drizzle-orm";
import { messages, promotions } from "../../../schema/store.ts";
import type { StoreTx } from "../context.ts";

export function isStoreOwn(tx: StoreTx, table: typeof promotions | typeof messages, id: string): boolean {
  const row =
    table === promotions
      ? tx.select({ source: promotions.source }).from(promotions).where(eq(promotions.id, id)).get()
      : tx.select({ source: messages.source }).from(messages).where(eq(messages.id, id)).get();
  return row?.source === "store";
}
