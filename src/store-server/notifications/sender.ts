/**
 * Posts the outbox's deliveries to the webhook, signed (`Ringup-Signature`: hex HMAC-SHA256 of
 * the body with the secret, as CONTRACT.md's webhooks), each with its delivery id
 * (`Ringup-Delivery`). A failed attempt (no answer, not 2xx) is retried with a doubling pause
 * up to `maxAttempts`; then the delivery is given up and audited.
 */
import { createHmac } from "node:crypto";
import pkg from "../../../package.json" with { type: "json" };
import type { NotificationsConfig } from "../../api/store/notifications.ts";
import { AUDIT_ACTIONS } from "../audit/actions.ts";
import { recordAudit } from "../audit/service.ts";
import type { StoreContext } from "../context.ts";
import {
  dueNotifications,
  nextDueAt,
  type OutboxRow,
  postponeNotification,
  removeNotification,
  retryDelayMs,
} from "./outbox.ts";

/** The longest sleep between looks at the outbox (a clock change cannot strand a delivery). */
const MAX_SLEEP_MS = 60_000;

export function signature(secret: string, body: string): string {
  return createHmac("sha256", secret).update(body).digest("hex");
}

export class NotificationSender {
  private timer: ReturnType<typeof setTimeout> | undefined;
  private round: Promise<void> | null = null;
  private again = false;
  private stopped = false;

  constructor(
    private readonly ctx: StoreContext,
    private readonly config: NotificationsConfig,
    private readonly log: (line: string) => void = () => undefined,
  ) {}

  start(): void {
    this.wake();
  }

  /** Looks at the outbox now (a delivery was just queued). */
  wake(): void {
    this.schedule(0);
  }

  /** Waits for the attempt in flight, then stops. */
  async stop(): Promise<void> {
    this.stopped = true;
    clearTimeout(this.timer);
    await this.round;
  }

  private schedule(ms: number): void {
    if (this.stopped) return;
    clearTimeout(this.timer);
    this.timer = setTimeout(() => void this.run(), ms);
  }

  private async run(): Promise<void> {
    if (this.round !== null) {
      this.again = true;
      return;
    }
    this.round = this.deliverDue();
    try {
      await this.round;
    } finally {
      this.round = null;
    }
    if (this.stopped) return;
    if (this.again) {
      this.again = false;
      this.schedule(0);
      return;
    }
    const next = nextDueAt(this.ctx);
    if (next !== null) {
      this.schedule(Math.min(MAX_SLEEP_MS, Math.max(0, next.getTime() - this.ctx.now().getTime())));
    }
  }

  private async deliverDue(): Promise<void> {
    for (const row of dueNotifications(this.ctx, this.ctx.now())) {
      if (this.stopped) return;
      const error = await this.attempt(row);
      if (error === null) {
        removeNotification(this.ctx.db, row.deliveryId);
      } else if (row.attempts + 1 >= this.config.maxAttempts) {
        this.giveUp(row, error);
      } else {
        const wait = retryDelayMs(this.config, row.attempts + 1);
        postponeNotification(this.ctx, row, new Date(this.ctx.now().getTime() + wait), error);
      }
    }
  }

  /** One post: null when the webhook took it, else what went wrong. */
  private async attempt(row: OutboxRow): Promise<string | null> {
    try {
      const response = await fetch(this.config.webhookUrl, {
        method: "POST",
        headers: {
          "content-type": "application/json",
          "user-agent": `ringup-store/${pkg.version}`,
          "ringup-signature": signature(this.config.secret, row.body),
          "ringup-delivery": row.deliveryId,
          "ringup-event": row.event,
        },
        body: row.body,
        redirect: "manual",
        signal: AbortSignal.timeout(this.config.timeoutMs),
      });
      await response.body?.cancel().catch(() => undefined);
      if (response.status >= 200 && response.status < 300) return null;
      return `the webhook answered ${response.status}`;
    } catch (err) {
      return `the webhook did not answer: ${err instanceof Error ? err.message : String(err)}`;
    }
  }

  private giveUp(row: OutboxRow, error: string): void {
    this.log(
      `store: notification ${row.deliveryId} (${row.event}) given up after ${row.attempts + 1} attempts: ${error}`,
    );
    this.ctx.db.transaction((tx) => {
      removeNotification(tx, row.deliveryId);
      recordAudit(this.ctx, tx, {
        action: AUDIT_ACTIONS.notificationGivenUp,
        at: this.ctx.now(),
        refId: row.deliveryId,
        detail: { event: row.event, attempts: row.attempts + 1, error },
      });
    });
  }
}
