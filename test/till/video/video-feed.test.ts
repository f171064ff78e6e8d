/**
 * The till's video feed queue: a sink that is down loses nothing up to its bound and gets the
 * events in order when it is back; beyond the bound the oldest are dropped and the sink is told
 * how many. The queue is in the till's database: events wait across a restart of the till.
 */

import { Database } from "bun:sqlite";
import { describe, expect, test } from "bun:test";
import { existsSync } from "node:fs";
import * as net from "node:net";
import { join } from "node:path";
import { type VideoFeedConfig, videoFeedSchema } from "../../../src/core/video-feed.ts";
import { openTillDatabase } from "../../../src/till/data/db.ts";
import {
  adoptLegacyVideoQueue,
  LEGACY_VIDEO_QUEUE_FILE,
  VideoQueue,
} from "../../../src/till/data/video-queue.ts";
import { initialState } from "../../../src/till/state/initial.ts";
import type { TillState } from "../../../src/till/state/types.ts";
import { VideoFeed } from "../../../src/till/video/feed.ts";
import { videoTestDir } from "./support.ts";

const video = videoTestDir("ringup-video-");

async function freePort(): Promise<number> {
  const server = net.createServer();
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const address = server.address();
  await new Promise<void>((resolve) => server.close(() => resolve()));
  return typeof address === "object" && address !== null ? address.port : 0;
}

async function listen(port: number, lines: string[]): Promise<net.Server> {
  const server = net.createServer((socket) => {
    let buffered = "";
    socket.setEncoding("utf8");
    socket.on("data", (chunk: string) => {
      buffered += chunk;
      const parts = buffered.split("\r\n");
      buffered = parts.pop() ?? "";
      lines.push(...parts);
    });
  });
  await new Promise<void>((resolve) => server.listen(port, "127.0.0.1", resolve));
  return server;
}

async function until(ok: () => boolean, what: string): Promise<void> {
  const deadline = Date.now() + 10_000;
  while (!ok()) {
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await Bun.sleep(20);
  }
}

const ann = { id: "u1", name: "Ann", role: "cashier" } as unknown as NonNullable<TillState["cashier"]>;

/** Logs Ann in and out `times` times: two events each. */
function work(feed: VideoFeed, times: number): void {
  const out = initialState("0190a000-0000-7000-8000-000000000001");
  const inside: TillState = { ...out, cashier: ann };
  for (let i = 0; i < times; i++) {
    feed.record(out, inside, { type: "status.info", message: { text: "" } }, []);
    feed.record(inside, out, { type: "status.info", message: { text: "" } }, []);
  }
}

describe("video feed queue", () => {
  test("a sink that is down gets every event in order when it is back, also after a restart", async () => {
    const port = await freePort();
    const feeds: VideoFeedConfig[] = [
      videoFeedSchema.parse({ kind: "tcp-text", url: `tcp://127.0.0.1:${port}` }),
    ];
    const first = new VideoFeed({ queue: video.queue(), tillId: "T1", feeds: () => feeds });
    work(first, 3);
    await first.close();
    video.closeOpened();
    const lines: string[] = [];
    const server = await listen(port, lines);
    try {
      const again = new VideoFeed({ queue: video.queue(), tillId: "T1", feeds: () => feeds });
      work(again, 1);
      await until(() => lines.length === 8, "eight events");
      expect(lines.map((l) => l.split(" ")[0])).toEqual(["#1", "#2", "#3", "#4", "#5", "#6", "#7", "#8"]);
      expect(lines.map((l) => l.split(" ")[4])).toEqual([
        "LOGIN",
        "LOGOUT",
        "LOGIN",
        "LOGOUT",
        "LOGIN",
        "LOGOUT",
        "LOGIN",
        "LOGOUT",
      ]);
      expect(lines[0]).toContain(" T1 Ann LOGIN");
      await again.close();
    } finally {
      server.close();
    }
  });

  test("beyond its bound a sink loses the oldest events and is told how many", async () => {
    const port = await freePort();
    const feeds = [videoFeedSchema.parse({ kind: "tcp-text", url: `tcp://127.0.0.1:${port}`, queueMax: 10 })];
    const feed = new VideoFeed({
      queue: video.queue(),
      tillId: "T1",
      feeds: () => feeds,
    });
    work(feed, 8);
    await feed.settled();
    const lines: string[] = [];
    const server = await listen(port, lines);
    try {
      work(feed, 1);
      await until(() => lines.length === 11, "the dropped notice and the ten newest events");
      expect(lines[0]).toContain("DROPPED count=8");
      expect(lines.slice(1).map((l) => l.split(" ")[0])).toEqual([
        "#9",
        "#10",
        "#11",
        "#12",
        "#13",
        "#14",
        "#15",
        "#16",
        "#17",
        "#18",
      ]);
      await feed.close();
    } finally {
      server.close();
    }
  });

  test("a till not named by a feed sends it nothing", async () => {
    const queue = video.queue();
    const feeds = [videoFeedSchema.parse({ kind: "webhook", url: "http://127.0.0.1:9/hook", tills: ["T2"] })];
    const feed = new VideoFeed({ queue, tillId: "T1", feeds: () => feeds });
    work(feed, 2);
    expect(queue.count("webhook http://127.0.0.1:9/hook")).toBe(0);
    await feed.close();
  });

  test("bad feeds are refused with what to write", () => {
    const bad = (input: unknown) => videoFeedSchema.safeParse(input).error?.issues[0]?.message;
    expect(bad({ kind: "tcp-text", url: "http://dvr" })).toBe("must be tcp://HOST:PORT");
    expect(bad({ kind: "webhook", url: "tcp://dvr:9" })).toBe("must be an http(s) URL");
    expect(bad({ kind: "rtsp", url: "tcp://dvr:9" })).toBe("must be webhook, tcp-text or nats");
    expect(bad({ kind: "nats", url: "tcp://nats:4222" })).toBe("must be nats://HOST:PORT");
    expect(bad({ kind: "nats", url: "nats://nats:4222", subject: "ringup.>" })).toBe(
      "must be a NATS subject without wildcards",
    );
    expect(bad({ kind: "tcp-text", url: "tcp://dvr:9", queueMax: 1 })).toBeDefined();
  });
});

describe("a till upgraded from a version that kept the queue in its own file", () => {
  test("the events still owed to a sink, its dropped count and the event numbers move into the till's database", () => {
    const legacy = new Database(join(video.dir, LEGACY_VIDEO_QUEUE_FILE), { create: true, strict: true });
    legacy.run(
      "CREATE TABLE video_queue (id INTEGER PRIMARY KEY AUTOINCREMENT, sink TEXT NOT NULL, body TEXT NOT NULL)",
    );
    legacy.run("CREATE TABLE video_dropped (sink TEXT PRIMARY KEY, count INTEGER NOT NULL)");
    legacy.run("CREATE TABLE video_seq (id INTEGER PRIMARY KEY CHECK (id = 1), seq INTEGER NOT NULL)");
    const event = (seq: number) => JSON.stringify({ seq, kind: "login" });
    legacy.run("INSERT INTO video_queue (sink, body) VALUES ('tcp a', ?), ('tcp a', ?)", [
      event(41),
      event(42),
    ]);
    legacy.run("INSERT INTO video_dropped VALUES ('tcp a', 3)");
    legacy.run("INSERT INTO video_seq VALUES (1, 42)");
    legacy.close();

    const { sqlite } = openTillDatabase(video.dir);
    try {
      adoptLegacyVideoQueue(sqlite, video.dir);
      const queue = new VideoQueue(sqlite);
      expect(queue.peek("tcp a", 10).map((q) => (q.event as unknown as { seq: number }).seq)).toEqual([
        41, 42,
      ]);
      expect(queue.dropped("tcp a")).toBe(3);
      expect(queue.nextSeq()).toBe(43);
      expect(existsSync(join(video.dir, LEGACY_VIDEO_QUEUE_FILE))).toBe(false);
      // Nothing left to adopt the second time.
      adoptLegacyVideoQueue(sqlite, video.dir);
      expect(queue.count("tcp a")).toBe(2);
    } finally {
      sqlite.close();
    }
  });
});
