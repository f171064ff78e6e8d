/**
 * The video feed's NATS sink: each event is published as its JSON on `<subject>.<till id>`, in
 * order, over one connection per server kept between batches; a batch is taken once the server
 * answered a flush after its last event (so a batch cut off by a lost link is sent again).
 * The NATS client is loaded with the first connection: a till without a NATS feed never loads it.
 */
import type { NatsConnection } from "@nats-io/transport-node";
import type { VideoEvent, VideoFeedConfig } from "../../core/video-feed.ts";

const connections = new Map<string, Promise<NatsConnection>>();

async function connection(url: string, timeoutMs: number): Promise<NatsConnection> {
  const known = connections.get(url);
  if (known !== undefined) {
    const nc = await known.catch(() => undefined);
    if (nc !== undefined && !nc.isClosed()) return nc;
    connections.delete(url);
  }
  // No reconnection of its own: the feed's drainer retries with its pause, from the queue.
  const opening = import("@nats-io/transport-node").then(({ connect }) =>
    connect({ servers: url, name: "ringup-till-video", reconnect: false, timeout: timeoutMs }),
  );
  connections.set(url, opening);
  opening.catch(() => connections.delete(url));
  return opening;
}

export async function publishVideoEvents(
  feed: VideoFeedConfig,
  events: readonly VideoEvent[],
  timeoutMs: number,
): Promise<void> {
  const nc = await connection(feed.url, timeoutMs);
  try {
    for (const event of events) nc.publish(`${feed.subject}.${event.tillId}`, JSON.stringify(event));
    await Promise.race([
      nc.flush(),
      Bun.sleep(timeoutMs).then(() => {
        throw new Error("the NATS server did not answer in time");
      }),
    ]);
  } catch (err) {
    connections.delete(feed.url);
    await nc.close().catch(() => undefined);
    throw err;
  }
}

/** Closes the connections kept for the NATS sinks (the till is stopping). */
export async function closeVideoNats(): Promise<void> {
  const all = [...connections.values()];
  connections.clear();
  await Promise.all(all.map((p) => p.then((nc) => nc.close()).catch(() => undefined)));
}
