/**
 * Head office's customer jobs: the signed webhook sender over the customer notification outbox
 * (the shared loop of src/shared/webhook-sender.ts), and a daily round that expires points and
 * queues birthday greetings. The round runs at start-up and then every hour, doing each day's
 * work once (the last day done is kept in hq_meta), so a restart repeats nothing.
 */
import { asc, eq, like, lte } from "drizzle-orm";
import pkg from "../../../package.json" with { type: "json" };
import { customerNotificationOutbox, customers, hqMeta } from "../../../schema/hq.ts";
import { type WebhookConfig, WebhookSender } from "../../shared/webhook-sender.ts";
import type { HqContext } from "../context.ts";
import { AccountsService } from "./accounts.ts";
import { customerEvent, NOTIFICATIONS_ON_KEY } from "./notify.ts";

type OutboxRow = typeof customerNotificationOutbox.$inferSelect;

const ROUND_MS = 3_600_000;
const LAST_DAY_KEY = "customers.daily.last";

function setMeta(ctx: HqContext, key: string, value: string): void {
  ctx.db
    .insert(hqMeta)
    .values({ key, value })
    .onConflictDoUpdate({ target: hqMeta.key, set: { value } })
    .run();
}

export function customerNotificationSender(ctx: HqContext, config: WebhookConfig): WebhookSender<OutboxRow> {
  const remove = (row: OutboxRow) =>
    ctx.db
      .delete(customerNotificationOutbox)
      .where(eq(customerNotificationOutbox.deliveryId, row.deliveryId))
      .run();
  return new WebhookSender<OutboxRow>(
    {
      due: (now) =>
        ctx.db
          .select()
          .from(customerNotificationOutbox)
          .where(lte(customerNotificationOutbox.nextAt, now.toISOString()))
          .orderBy(asc(customerNotificationOutbox.nextAt))
          .limit(20)
          .all(),
      nextDueAt: () => {
        const row = ctx.db
          .select({ nextAt: customerNotificationOutbox.nextAt })
          .from(customerNotificationOutbox)
          .orderBy(asc(customerNotificationOutbox.nextAt))
          .limit(1)
          .get();
        return row ? new Date(row.nextAt) : null;
      },
      delivered: remove,
      postpone: (row, nextAt, error) =>
        ctx.db
          .update(customerNotificationOutbox)
          .set({ attempts: row.attempts + 1, nextAt: nextAt.toISOString(), lastError: error.slice(0, 500) })
          .where(eq(customerNotificationOutbox.deliveryId, row.deliveryId))
          .run(),
      givenUp: (row, error) => {
        ctx.log(
          `hq: customer notification ${row.deliveryId} (${row.event}) given up after ${row.attempts + 1} attempts: ${error}`,
        );
        remove(row);
      },
    },
    config,
    { now: () => ctx.now(), userAgent: `ringup-hq/${pkg.version}` },
  );
}

/** Queues a birthday greeting for every live customer born on `day`'s month and day. */
export function queueBirthdays(ctx: HqContext, day: string): number {
  const now = ctx.now();
  return ctx.db.transaction((tx) => {
    const born = tx
      .select({
        id: customers.id,
        name: customers.name,
        mergedInto: customers.mergedInto,
        erasedAt: customers.erasedAt,
      })
      .from(customers)
      .where(like(customers.birthday, `%-${day.slice(5)}`))
      .all()
      .filter((c) => c.mergedInto === null && c.erasedAt === null);
    for (const c of born) customerEvent(ctx, tx, "customer.birthday", c.id, { name: c.name, day }, now);
    return born.length;
  });
}

export class CustomerJobs {
  private timer: ReturnType<typeof setInterval> | undefined;
  private sender: WebhookSender<OutboxRow> | null = null;

  constructor(
    private readonly ctx: HqContext,
    private readonly config: WebhookConfig | undefined,
  ) {}

  start(): this {
    setMeta(this.ctx, NOTIFICATIONS_ON_KEY, this.config ? "on" : "off");
    if (this.config) {
      const sender = customerNotificationSender(this.ctx, this.config);
      this.sender = sender;
      this.ctx.wakeCustomerNotifications = () => sender.wake();
      sender.start();
    }
    this.round();
    this.timer = setInterval(() => this.round(), ROUND_MS);
    return this;
  }

  /** The day's work, once per day: expire points, greet birthdays. */
  round(): void {
    const day = this.ctx.now().toISOString().slice(0, 10);
    const last = this.ctx.db.select().from(hqMeta).where(eq(hqMeta.key, LAST_DAY_KEY)).get()?.value;
    if (last === day) return;
    try {
      const expired = new AccountsService(this.ctx).expire();
      if (expired.points > 0) this.ctx.log(`hq: ${expired.points} points expired on ${expired.cards} cards`);
      queueBirthdays(this.ctx, day);
      setMeta(this.ctx, LAST_DAY_KEY, day);
    } catch (err) {
      this.ctx.log(
        `hq: the daily customer round failed (retried within the hour): ${err instanceof Error ? err.message : String(err)}`,
      );
    }
  }

  async stop(): Promise<void> {
    clearInterval(this.timer);
    delete this.ctx.wakeCustomerNotifications;
    await this.sender?.stop();
  }
}
