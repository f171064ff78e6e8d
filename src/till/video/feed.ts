/**
 * The till's video security feed: each step of the till becomes events (events.ts), kept in the
 * durable queue for every sink of the store's `[[videoFeeds]]` that names this till, and sent to
 * each sink in order by its own drainer. A sink that is down gets everything when it is back
 * (up to its bound; then it is told how many were dropped); selling never waits for it.
 */
import { feedsForTill, type VideoEvent, type VideoFeedConfig } from "../../core/video-feed.ts";
import { log } from "../../shared/log.ts";
import type { VideoQueue } from "../data/video-queue.ts";
import type { Command, Effect, TillState } from "../state/types.ts";
import { videoEventsOf } from "./events.ts";
import { closeVideoNats } from "./nats-sink.ts";
import { deliver } from "./sinks.ts";

const BATCH = 100;
const RETRY_MIN_MS = 200;
const RETRY_MAX_MS = 5_000;

function sinkKey(feed: VideoFeedConfig): string {
  return feed.kind === "nats" ? `nats ${feed.url} ${feed.subject}` : `${feed.kind} ${feed.url}`;
}

interface Drainer {
  feed: VideoFeedConfig;
  /** The delivery under way, if any. */
  running: Promise<void> | undefined;
  timer: ReturnType<typeof setTimeout> | undefined;
  pauseMs: number;
}

export interface VideoFeedOptions {
  queue: VideoQueue;
  tillId: string;
  /** The store's feeds as the till last heard them. */
  feeds: () => readonly VideoFeedConfig[];
  now?: () => Date;
}

export class VideoFeed {
  private readonly drainers = new Map<string, Drainer>();
  private closed = false;

  constructor(private readonly options: VideoFeedOptions) {}

  /** Called with every step of the till. */
  record(before: TillState, after: TillState, command: Command, effects: readonly Effect[]): void {
    const feeds = feedsForTill(this.options.feeds(), this.options.tillId);
    if (feeds.length === 0 || this.closed) return;
    const drafts = videoEventsOf(before, after, command, effects);
    if (drafts.length === 0) return;
    const cashier = after.cashier ?? before.cashier;
    const at = (this.options.now?.() ?? new Date()).toISOString();
    const sinks = feeds.map((f) => ({ key: sinkKey(f), max: f.queueMax }));
    try {
      for (const draft of drafts) {
        const event: VideoEvent = {
          seq: this.options.queue.nextSeq(),
          at,
          tillId: this.options.tillId,
          cashierId: cashier?.id ?? null,
          cashierName: cashier?.name ?? null,
          ...draft,
        };
        this.options.queue.add(event, sinks);
      }
    } catch (err) {
      log().error({ err }, "keeping video feed events failed");
      return;
    }
    for (const feed of feeds) this.kick(feed);
  }

  private kick(feed: VideoFeedConfig): void {
    const key = sinkKey(feed);
    let drainer = this.drainers.get(key);
    if (drainer === undefined) {
      drainer = { feed, running: undefined, timer: undefined, pauseMs: RETRY_MIN_MS };
      this.drainers.set(key, drainer);
    }
    drainer.feed = feed;
    if (drainer.running !== undefined || drainer.timer !== undefined) return;
    this.start(drainer);
  }

  private start(drainer: Drainer): void {
    drainer.running = this.drain(drainer).finally(() => {
      drainer.running = undefined;
    });
  }

  /** Sends what waits for one sink, oldest first, until nothing waits or the sink fails. */
  private async drain(drainer: Drainer): Promise<void> {
    const key = sinkKey(drainer.feed);
    try {
      while (!this.closed) {
        const queued = this.options.queue.peek(key, BATCH);
        if (queued.length === 0) break;
        const dropped = this.options.queue.dropped(key);
        const first = queued[0]?.event;
        const events = queued.map((q) => q.event);
        if (dropped > 0 && first !== undefined) {
          events.unshift({
            ...first,
            kind: "dropped",
            saleId: null,
            detail: { count: dropped },
            receiptLines: [],
          });
        }
        await deliver(drainer.feed, events);
        this.options.queue.delivered(key, queued[queued.length - 1]?.id ?? 0, dropped);
        drainer.pauseMs = RETRY_MIN_MS;
      }
    } catch (err) {
      log().warn({ err, sink: key }, "the video feed sink did not take the events; they wait");
      drainer.timer = setTimeout(() => {
        drainer.timer = undefined;
        if (!this.closed) this.start(drainer);
      }, drainer.pauseMs);
      drainer.timer.unref?.();
      drainer.pauseMs = Math.min(drainer.pauseMs * 2, RETRY_MAX_MS);
    }
  }

  /** Once the deliveries under way have succeeded or failed. */
  async settled(): Promise<void> {
    await Promise.all([...this.drainers.values()].map((d) => d.running));
  }

  /** Stops sending (what is left waits in the queue for the next start). */
  async close(): Promise<void> {
    this.closed = true;
    for (const drainer of this.drainers.values()) {
      if (drainer.timer !== undefined) clearTimeout(drainer.timer);
    }
    await this.settled();
    await closeVideoNats();
  }
}
