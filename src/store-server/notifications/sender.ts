/**
 * The store's notification sender: the shared signed-webhook loop (src/shared/webhook-sender.ts)
 * over the store's outbox. A delivery given up is audited.
 */
import pkg from "../../../package.json" with { type: "json" };
import type { NotificationsConfig } from "../../api/store/notifications.ts";
import { WebhookSender } from "../../shared/webhook-sender.ts";
import { AUDIT_ACTIONS } from "../audit/actions.ts";
import { recordAudit } from "../audit/service.ts";
import type { StoreContext } from "../context.ts";
import {
  dueNotifications,
  nextDueAt,
  type OutboxRow,
  postponeNotification,
  removeNotification,
} from "./outbox.ts";

export { signature } from "../../shared/webhook-sender.ts";

export class NotificationSender extends WebhookSender<OutboxRow> {
  constructor(ctx: StoreContext, config: NotificationsConfig, log: (line: string) => void = () => undefined) {
    super(
      {
        due: (now) => dueNotifications(ctx, now),
        nextDueAt: () => nextDueAt(ctx),
        delivered: (row) => removeNotification(ctx.db, row.deliveryId),
        postpone: (row, nextAt, error) => postponeNotification(ctx, row, nextAt, error),
        givenUp: (row, error) => {
          log(
            `store: notification ${row.deliveryId} (${row.event}) given up after ${row.attempts + 1} attempts: ${error}`,
          );
          ctx.db.transaction((tx) => {
            removeNotification(tx, row.deliveryId);
            recordAudit(ctx, tx, {
              action: AUDIT_ACTIONS.notificationGivenUp,
              at: ctx.now(),
              refId: row.deliveryId,
              detail: { event: row.event, attempts: row.attempts + 1, error },
            });
          });
        },
      },
      config,
      { now: () => ctx.now(), userAgent: `ringup-store/${pkg.version}` },
    );
  }
}
