/**
 * A store's own messages (`POST /messages` at the store): the same shape as head office's, kept
 * with `source: "store"`, fired at the store's tills with head office's, and never replaced by
 * head office's replication (a message of head office's with the same id is skipped here). Head
 * office's messages are head office's to change. Each change is in the audit log.
 */
import { eq } from "drizzle-orm";
import { messages } from "../../../schema/store.ts";
import { type Message, messageSchema } from "../../core/messages/index.ts";
import { recordAudit } from "../audit/service.ts";
import type { Principal } from "../auth/tokens.ts";
import type { StoreContext } from "../context.ts";
import { promotionsChanged } from "./book.ts";
import { StorePromotionError } from "./errors.ts";
import type { StoredMessage } from "./messages.ts";

type Row = typeof messages.$inferSelect;

function stored(row: Row, message: Message): StoredMessage {
  return { ...message, source: row.source, active: row.active, updatedAt: row.updatedAt };
}

function fromHq(id: string, doing: string): StorePromotionError {
  return new StorePromotionError(
    "MESSAGE_FROM_HQ",
    `message "${id}" is head office's; ${doing} it there, or give the store's own another id`,
    { id },
  );
}

/** Defines (or replaces, by id) one of the store's own messages. */
export function defineLocalMessage(ctx: StoreContext, message: Message, principal: Principal): StoredMessage {
  const at = ctx.now();
  const result = ctx.db.transaction((tx) => {
    const existing = tx.select().from(messages).where(eq(messages.id, message.id)).get();
    if (existing?.source === "hq") throw fromHq(message.id, "change");
    const row: Row = {
      id: message.id,
      source: "store",
      body: JSON.stringify(message),
      active: true,
      updatedAt: at.toISOString(),
    };
    tx.insert(messages).values(row).onConflictDoUpdate({ target: messages.id, set: row }).run();
    recordAudit(ctx, tx, {
      action: "message.defined",
      at,
      userId: principal.userId,
      tillId: principal.tillId,
      refId: message.id,
      detail: { event: message.when.event },
    });
    return stored(row, message);
  });
  promotionsChanged(ctx);
  return result;
}

/** Ends one of the store's own messages: tills no longer fire it. */
export function deactivateLocalMessage(ctx: StoreContext, id: string, principal: Principal): StoredMessage {
  const at = ctx.now();
  const result = ctx.db.transaction((tx) => {
    const row = tx.select().from(messages).where(eq(messages.id, id)).get();
    if (row === undefined)
      throw new StorePromotionError("MESSAGE_NOT_FOUND", `no message has the id "${id}"`, { id });
    if (row.source === "hq") throw fromHq(id, "deactivate");
    const ended = { ...row, active: false, updatedAt: at.toISOString() };
    tx.update(messages).set({ active: false, updatedAt: ended.updatedAt }).where(eq(messages.id, id)).run();
    recordAudit(ctx, tx, {
      action: "message.deactivated",
      at,
      userId: principal.userId,
      tillId: principal.tillId,
      refId: id,
    });
    return stored(ended, messageSchema.parse(JSON.parse(row.body)));
  });
  promotionsChanged(ctx);
  return result;
}
