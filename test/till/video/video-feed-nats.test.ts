/**
 * The video feed's `nats` sink: a subscriber on `<subject>.<till>` of a real nats-server gets a
 * sale's scan, void and payment events in order.
 */
import { expect, test } from "bun:test";
import { connect } from "@nats-io/transport-node";
import { type VideoEvent, videoEventSchema, videoFeedSchema } from "../../../src/core/video-feed.ts";
import { initialState } from "../../../src/till/state/initial.ts";
import type { Effect, TillState } from "../../../src/till/state/types.ts";
import { VideoFeed } from "../../../src/till/video/feed.ts";
import { waitFor } from "../../devices/support/wait.ts";
import { startNats } from "../../support/nats-server.ts";
import { videoTestDir } from "./support.ts";

const video = videoTestDir("ringup-video-nats-");

const ann = { id: "u1", name: "Ann", role: "cashier" } as unknown as NonNullable<TillState["cashier"]>;
const info = { type: "status.info", message: { text: "" } } as const;
const line = (id: string, code: string, unitPriceMinor: number) => ({
  id,
  code,
  name: `Item ${code}`,
  qtyMilli: 1000,
  unitPriceMinor,
});

/** A sale as the till steps through it: two scans, a line void, a cash payment. */
function sell(feed: VideoFeed): void {
  const empty = { ...initialState("0190a000-0000-7000-8000-000000000001"), cashier: ann };
  const withSale = (lines: unknown[], audit: unknown[]) =>
    ({ ...empty, sale: { ...empty.sale, lines, audit } }) as unknown as TillState;
  const one = withSale([line("l1", "4011", 129)], []);
  const two = withSale([line("l1", "4011", 129), line("l2", "4012", 250)], []);
  const voided = withSale(
    [line("l1", "4011", 129), line("l2", "4012", 250)],
    [{ action: "line.voided", detail: { code: "4012" } }],
  );
  feed.record(empty, one, info, []);
  feed.record(one, two, info, []);
  feed.record(two, voided, info, []);
  const paid = {
    type: "completeSale",
    sale: { id: empty.sale.id, tenders: [{ type: "cash", amountMinor: 200 }] },
  } as unknown as Effect;
  feed.record(voided, voided, info, [paid]);
}

test("a subscriber on the till's subject gets a sale's scan, void and payment events in order", async () => {
  await using nats = await startNats();
  const url = `nats://127.0.0.1:${nats.port}`;
  const feeds = [videoFeedSchema.parse({ kind: "nats", url, subject: "ringup.S1.video" })];
  const got: VideoEvent[] = [];
  const nc = await connect({ servers: url });
  const sub = nc.subscribe("ringup.S1.video.T1");
  void (async () => {
    for await (const msg of sub) got.push(videoEventSchema.parse(msg.json()));
  })();
  await nc.flush();
  const feed = new VideoFeed({
    queue: video.queue(),
    tillId: "T1",
    feeds: () => feeds,
  });
  try {
    sell(feed);
    await waitFor("the sale's five events", () => got.length === 5);
    expect(got.map((e) => e.kind)).toEqual(["scan", "scan", "line.void", "payment", "drawer.opened"]);
    expect(got.map((e) => e.seq)).toEqual([1, 2, 3, 4, 5]);
    expect(got[0]).toMatchObject({
      tillId: "T1",
      cashierName: "Ann",
      detail: { code: "4011", unitPriceMinor: 129 },
    });
    expect(got[3]?.detail).toEqual({ tender: "cash", amountMinor: 200 });
  } finally {
    await feed.close();
    await nc.close();
  }
});
