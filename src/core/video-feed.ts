/**
 * The video security feed: each till event (log-in, scan with product and price, line void, sale
 * cancelled, discount, customer card, return, no-sale, drawer opened, payment, sale completed)
 * with its till, cashier and time, for a DVR/NVR that searches footage by event. A sink is an
 * HTTP webhook (JSON) or a plain-text overlay stream over TCP (`overlayLines`: one line per
 * event, and the receipt's text line by line when a sale completes). Sinks are the store's
 * `[[videoFeeds]]`; each till feeds those that name it (or all, without `tills`).
 */
import { z } from "zod";

export const VIDEO_EVENT_KINDS = [
  "login",
  "logout",
  "scan",
  "line.void",
  "sale.cancelled",
  "discount",
  "price.override",
  "customer.card",
  "return",
  "no-sale",
  "drawer.opened",
  "payment",
  "sale.completed",
  /** The queue was over its bound: `count` events were dropped before this one. */
  "dropped",
] as const;
export type VideoEventKind = (typeof VIDEO_EVENT_KINDS)[number];

/** At most this many events wait for one sink, by default; older ones are dropped (and said). */
export const VIDEO_QUEUE_MAX = 10_000;

/** The NATS subject's default stem: a till publishes on `ringup.video.<till id>`. */
export const VIDEO_NATS_SUBJECT = "ringup.video";

const SINK_URL: Record<string, { pattern: RegExp; message: string }> = {
  webhook: { pattern: /^https?:\/\/[^\s]+$/, message: "must be an http(s) URL" },
  "tcp-text": { pattern: /^tcp:\/\/[^\s/:]+:\d{1,5}$/, message: "must be tcp://HOST:PORT" },
  nats: { pattern: /^nats:\/\/[^\s/:]+:\d{1,5}$/, message: "must be nats://HOST:PORT" },
};

export const videoFeedSchema = z
  .strictObject({
    kind: z.enum(["webhook", "tcp-text", "nats"], { error: "must be webhook, tcp-text or nats" }),
    /** `http(s)://…` for a webhook, `tcp://HOST:PORT` for a text overlay input, `nats://HOST:PORT` for NATS. */
    url: z.string().min(1).max(500),
    /** NATS only: each till publishes on `<subject>.<till id>`. */
    subject: z
      .string()
      .regex(/^[A-Za-z0-9_-]+(\.[A-Za-z0-9_-]+)*$/, "must be a NATS subject without wildcards")
      .max(200)
      .default(VIDEO_NATS_SUBJECT),
    /** The tills that feed it (all when absent). */
    tills: z
      .array(z.string().regex(/^[A-Za-z0-9_]{1,16}$/, "must be a till id"))
      .max(100)
      .optional(),
    /** Events kept for it while it is down (oldest dropped beyond). */
    queueMax: z.number().int().min(10).max(1_000_000).default(VIDEO_QUEUE_MAX),
  })
  .superRefine((feed, ctx) => {
    const scheme = SINK_URL[feed.kind];
    if (scheme !== undefined && !scheme.pattern.test(feed.url)) {
      ctx.addIssue({ code: "custom", path: ["url"], message: scheme.message });
    }
  });
export type VideoFeedConfig = z.infer<typeof videoFeedSchema>;

export const videoFeedsSchema = z.array(videoFeedSchema).max(8, "at most 8 video feeds").default([]);

/** The feeds a till sends to. */
export function feedsForTill(feeds: readonly VideoFeedConfig[], tillId: string): VideoFeedConfig[] {
  return feeds.filter((f) => f.tills === undefined || f.tills.includes(tillId));
}

export const videoEventSchema = z.object({
  /** The event's number at its till, from 1, in the order they happened. */
  seq: z.number().int().positive(),
  kind: z.enum(VIDEO_EVENT_KINDS),
  at: z.string(),
  tillId: z.string(),
  cashierId: z.string().nullable(),
  cashierName: z.string().nullable(),
  saleId: z.string().nullable(),
  /** What happened: the product and price of a scan, the tender and amount of a payment… */
  detail: z.record(z.string(), z.union([z.string(), z.number(), z.boolean(), z.null()])),
  /** The receipt's text, line by line (a completed sale). */
  receiptLines: z.array(z.string()).optional(),
});
export type VideoEvent = z.infer<typeof videoEventSchema>;

/** Overlay text carries no control characters, and a line is at most this long. */
const OVERLAY_WIDTH = 120;

function clean(text: string): string {
  // biome-ignore lint/suspicious/noControlCharactersInRegex: control characters are what is removed.
  return text.replace(/[\u0000-\u001f\u007f]/g, " ");
}

function detailText(event: VideoEvent): string {
  return Object.entries(event.detail)
    .filter(([, v]) => v !== null && v !== "")
    .map(([k, v]) => `${k}=${String(v)}`)
    .join(" ");
}

/**
 * The event as overlay text: `#<seq> <time> <till> <cashier> <KIND> key=value…`, then for a completed
 * sale one `<till> | <receipt line>` per line of its receipt.
 */
export function overlayLines(event: VideoEvent): string[] {
  const who = event.cashierName ?? event.cashierId ?? "-";
  const head = `#${event.seq} ${event.at.slice(0, 19)}Z ${event.tillId} ${who} ${event.kind.toUpperCase()} ${detailText(event)}`;
  const lines = [head.trimEnd(), ...(event.receiptLines ?? []).map((line) => `${event.tillId} | ${line}`)];
  return lines.map((line) => clean(line).slice(0, OVERLAY_WIDTH));
}
