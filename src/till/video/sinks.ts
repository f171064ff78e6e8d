/**
 * Delivering video events to a sink: a webhook gets them as JSON (`{events: [...]}`, a 2xx
 * answer takes them); a text overlay input gets `overlayLines` over one TCP connection per
 * batch, taken once the connection closed cleanly after the last line; NATS gets each event on
 * the till's subject (nats-sink.ts).
 */
import { createConnection } from "node:net";
import { overlayLines, type VideoEvent, type VideoFeedConfig } from "../../core/video-feed.ts";
import { publishVideoEvents } from "./nats-sink.ts";

const SINK_TIMEOUT_MS = 5_000;

export async function deliver(feed: VideoFeedConfig, events: readonly VideoEvent[]): Promise<void> {
  if (feed.kind === "webhook") {
    const res = await fetch(feed.url, {
      method: "POST",
      headers: { "content-type": "application/json" },
      body: JSON.stringify({ events }),
      signal: AbortSignal.timeout(SINK_TIMEOUT_MS),
    });
    if (!res.ok) throw new Error(`the webhook answered ${res.status}`);
    return;
  }
  if (feed.kind === "nats") return publishVideoEvents(feed, events, SINK_TIMEOUT_MS);
  const url = new URL(feed.url);
  const text = events
    .flatMap(overlayLines)
    .map((line) => `${line}\r\n`)
    .join("");
  await new Promise<void>((resolve, reject) => {
    const socket = createConnection({ host: url.hostname, port: Number(url.port) });
    const timer = setTimeout(
      () => socket.destroy(new Error("the overlay input did not take the lines in time")),
      SINK_TIMEOUT_MS,
    );
    socket.on("connect", () => socket.end(text));
    socket.on("error", (err) => {
      clearTimeout(timer);
      reject(err);
    });
    socket.on("close", (hadError) => {
      clearTimeout(timer);
      if (!hadError) resolve();
    });
  });
}
