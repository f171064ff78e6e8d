/** Journal events the web shop's webhooks take as they are: a completed sale, a changed order. */
import type { StoreTx } from "../context.ts";
import { queueWebhook } from "./registry.ts";

export function eventWebhook(tx: StoreTx, type: string, payload: unknown, at: string): void {
  if (type !== "sale.completed" && type !== "order.changed") return;
  if (typeof payload !== "object" || payload === null) return;
  queueWebhook(tx, type, payload as Record<string, unknown>, at);
}
