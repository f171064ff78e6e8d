/**
 * Posts an outbox's deliveries to a webhook, signed (`Ringup-Signature`: hex HMAC-SHA256 of the
 * body with the secret, as CONTRACT.md's webhooks), each with its delivery id
 * (`Ringup-Delivery`) and event (`Ringup-Event`). A failed attempt (no answer, not 2xx) is
 * retried with a doubling pause up to `maxAttempts`; then the delivery is given up. Deliveries are
 * posted one after the other, or `concurrency` at once (a busy server then waits for one round
 * trip per batch rather than per delivery). The outbox
 * (the store's receipts, head office's customer events) keeps the rows; this is only the loop.
 */
import { createHmac } from "node:crypto";

/** Where and how deliveries are posted (the `[notifications]` table of a server's config). */
export interface WebhookConfig {
  webhookUrl: string;
  secret: string;
  maxAttempts: number;
  retryMinMs: number;
  retryMaxMs: number;
  timeoutMs: number;
}

export interface OutboxDelivery {
  deliveryId: string;
  event: string;
  body: string;
  /** Failed attempts so far. */
  attempts: number;
}

/** A durable outbox the sender works through. */
export interface WebhookOutbox<Row extends OutboxDelivery> {
  /** Deliveries due now, oldest first. */
  due(now: Date): Row[];
  /** When the next delivery is due, or null when none waits. */
  nextDueAt(): Date | null;
  delivered(row: Row): void;
  postpone(row: Row, nextAt: Date, error: string): void;
  /** Out of attempts: remove it (and say so where the server records such things). */
  givenUp(row: Row, error: string): void;
}

/** The longest sleep between looks at the outbox (a clock change cannot strand a delivery). */
const MAX_SLEEP_MS = 60_000;

export function signature(secret: string, body: string): string {
  return createHmac("sha256", secret).update(body).digest("hex");
}

/** The pause before attempt `attempts + 1`: retryMinMs doubled per failed attempt, at most retryMaxMs. */
export function retryDelayMs(
  config: Pick<WebhookConfig, "retryMinMs" | "retryMaxMs">,
  attempts: number,
): number {
  return Math.min(config.retryMaxMs, config.retryMinMs * 2 ** Math.max(0, attempts - 1));
}

export class WebhookSender<Row extends OutboxDelivery> {
  private timer: ReturnType<typeof setTimeout> | undefined;
  private round: Promise<void> | null = null;
  private again = false;
  private stopped = false;

  constructor(
    private readonly outbox: WebhookOutbox<Row>,
    private readonly config: WebhookConfig,
    private readonly options: {
      now: () => Date;
      userAgent: string;
      /** Deliveries posted at once (default 1: one after the other, in order). */
      concurrency?: number;
    },
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
    const next = this.outbox.nextDueAt();
    if (next !== null) {
      this.schedule(Math.min(MAX_SLEEP_MS, Math.max(0, next.getTime() - this.options.now().getTime())));
    }
  }

  private async deliverDue(): Promise<void> {
    const rows = this.outbox.due(this.options.now());
    const width = Math.max(1, this.options.concurrency ?? 1);
    for (let i = 0; i < rows.length; i += width) {
      if (this.stopped) return;
      const batch = rows.slice(i, i + width);
      const errors = await Promise.all(batch.map((row) => this.attempt(row)));
      for (const [j, row] of batch.entries()) {
        if (this.stopped) return;
        this.settle(row, errors[j] ?? null);
      }
    }
  }

  private settle(row: Row, error: string | null): void {
    if (error === null) {
      this.outbox.delivered(row);
    } else if (row.attempts + 1 >= this.config.maxAttempts) {
      this.outbox.givenUp(row, error);
    } else {
      const wait = retryDelayMs(this.config, row.attempts + 1);
      this.outbox.postpone(row, new Date(this.options.now().getTime() + wait), error);
    }
  }

  /** One post: null when the webhook took it, else what went wrong. */
  private async attempt(row: Row): Promise<string | null> {
    try {
      const response = await fetch(this.config.webhookUrl, {
        method: "POST",
        headers: {
          "content-type": "application/json",
          "user-agent": this.options.userAgent,
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
}
