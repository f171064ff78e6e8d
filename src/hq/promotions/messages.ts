/**
 * The chain's messages to cashiers and on receipts (`POST /messages`): kept, and recorded in the
 * change log in the same transaction, so every store (and through it every till) has them with
 * the catalog. A message is replaced by posting it again under its id, and ended by deactivating it.
 */
import { asc, eq } from "drizzle-orm";
import { hqMessages } from "../../../schema/hq.ts";
import { ALL_STORES } from "../../core/catalog-changes.ts";
import { featureErrors } from "../../core/errors.ts";
import { type Message, messageSchema } from "../../core/messages/index.ts";
import { recordChange } from "../catalog/change-log.ts";
import { publishCommitted } from "../catalog/service.ts";
import type { HqContext } from "../context.ts";

type Row = typeof hqMessages.$inferSelect;

export class MessageError extends featureErrors({ MESSAGE_NOT_FOUND: "not_found" }) {}
export type HqMessage = Message & { active: boolean; updatedAt: string };

function toMessage(row: Row): HqMessage {
  return { ...messageSchema.parse(JSON.parse(row.body)), active: row.active, updatedAt: row.updatedAt };
}

export class HqMessagesService {
  constructor(private readonly ctx: HqContext) {}

  list(all: boolean): HqMessage[] {
    const base = this.ctx.db.select().from(hqMessages);
    return (all ? base : base.where(eq(hqMessages.active, true)))
      .orderBy(asc(hqMessages.id))
      .all()
      .map(toMessage);
  }

  /** Defines (or replaces) a message, or ends one: recorded for every store. */
  define(message: Message, active = true): HqMessage {
    const at = this.ctx.now().toISOString();
    const { result, change } = this.ctx.db.transaction((tx) => {
      const existing = tx.select().from(hqMessages).where(eq(hqMessages.id, message.id)).get();
      const row: Row = {
        id: message.id,
        body: JSON.stringify(message),
        active,
        createdAt: existing?.createdAt ?? at,
        updatedAt: at,
      };
      tx.insert(hqMessages).values(row).onConflictDoUpdate({ target: hqMessages.id, set: row }).run();
      const change = recordChange(
        tx,
        { storeId: ALL_STORES, kind: "message", key: message.id, value: { message, active } },
        new Date(at),
      );
      return { result: toMessage(row), change };
    });
    publishCommitted(this.ctx, [change]);
    return result;
  }

  deactivate(id: string): HqMessage {
    const row = this.ctx.db.select().from(hqMessages).where(eq(hqMessages.id, id)).get();
    if (!row) throw new MessageError("MESSAGE_NOT_FOUND", `no message has the id "${id}"`, { id });
    return this.define(messageSchema.parse(JSON.parse(row.body)), false);
  }
}
