/**
 * The NATS credentials head office issues, against a real nats-server that grants exactly the
 * users head office writes into nats-accounts.conf: a store publishes its own events and
 * cannot publish as another store nor listen to another store's traffic; a wrong password
 * does not connect.
 */
import { afterAll, beforeAll, describe, expect, test } from "bun:test";
import { readFileSync } from "node:fs";
import { mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { jetstream, jetstreamManager } from "@nats-io/jetstream";
import { connect, type NatsConnection } from "@nats-io/transport-node";
import { ensureHqNatsCredentials, natsUsers, renderNatsConf } from "../../src/hq/stores/nats-config.ts";
import {
  appliedSubject,
  ensureStream,
  natsSecurity,
  natsServers,
  STORE_EVENTS_STREAM,
  storeEventSubject,
  storeEventsStreamConfig,
  storeInboxPrefix,
} from "../../src/shared/nats/index.ts";
import { createTestHq, type TestHq } from "../support/hq-app.ts";
import { type NatsServerProcess, startNats } from "../support/nats-server.ts";

let hq: TestHq;
let nats: NatsServerProcess;
let credsDir: string;
const creds: Record<string, string> = {};
const open: NatsConnection[] = [];

beforeAll(async () => {
  hq = createTestHq();
  credsDir = await mkdtemp(join(tmpdir(), "ringup-hq-creds-"));
  for (const storeId of ["S1", "S2"]) {
    const res = await hq.request<{ credentials: { natsCredsFile: string } }>("POST", "/api/v1/stores", {
      storeId,
      name: `Store ${storeId}`,
    });
    if (res.status !== 201) throw new Error(JSON.stringify(res.body));
    creds[storeId] = join(credsDir, `${storeId}.creds`);
    await Bun.write(creds[storeId], res.body.credentials.natsCredsFile);
  }
  creds.hq = ensureHqNatsCredentials(hq.ctx);
  nats = await startNats({ users: natsUsers(hq.ctx.db) });
});

afterAll(async () => {
  await Promise.all(open.map((nc) => nc.close()));
  await nats?.[Symbol.asyncDispose]();
  hq?.close();
  if (credsDir) await rm(credsDir, { recursive: true, force: true });
});

async function connectAs(who: string, inboxPrefix?: string): Promise<NatsConnection> {
  const path = creds[who];
  if (!path) throw new Error(`no credentials for ${who}`);
  const security = await natsSecurity(nats.url, path);
  const nc = await connect({
    servers: natsServers(nats.url),
    ...security,
    ...(inboxPrefix ? { inboxPrefix } : {}),
    reconnect: false,
  });
  open.push(nc);
  return nc;
}

async function storedSubjects(): Promise<string[]> {
  const jsm = await jetstreamManager(await connectAs("hq"));
  const info = await jsm.streams.info(STORE_EVENTS_STREAM, { subjects_filter: ">" });
  return Object.keys(info.state.subjects ?? {}).sort();
}

describe("per-store NATS credentials", () => {
  test("nats-accounts.conf grants the same users the server was started with", () => {
    const written = readFileSync(join(hq.dir, "nats-accounts.conf"), "utf8");
    expect(written).toBe(renderNatsConf(hq.ctx.db));
    expect(natsUsers(hq.ctx.db).map((u) => u.user)).toEqual(["hq", "store_S1", "store_S2"]);
  });

  test("a store publishes its own events and cannot publish as another store", async () => {
    const jsm = await jetstreamManager(await connectAs("hq"));
    await ensureStream(jsm, storeEventsStreamConfig());

    const s1 = await connectAs("S1", storeInboxPrefix("S1"));
    const js = jetstream(s1, { timeout: 2000 });
    const ack = await js.publish(storeEventSubject("S1", "sale.completed"), "{}", { msgID: "e-own" });
    expect(ack.stream).toBe(STORE_EVENTS_STREAM);

    const forged = js.publish(storeEventSubject("S2", "sale.completed"), "{}", { msgID: "e-forged" });
    await expect(forged).rejects.toThrow(/permission/i);
    expect(await storedSubjects()).toEqual([storeEventSubject("S1", "sale.completed")]);
  });

  test("a store cannot listen to other stores' traffic or replies", async () => {
    const s1 = await connectAs("S1", storeInboxPrefix("S1"));
    for (const subject of [storeEventSubject("S2", "sale.completed"), appliedSubject("S2"), "_INBOX.>"]) {
      const sub = s1.subscribe(subject);
      // The server refuses the subscription: it ends with a permissions error.
      let failure: unknown = null;
      try {
        for await (const _ of sub) break;
      } catch (err) {
        failure = err;
      }
      expect(String(failure)).toMatch(/permission/i);
    }
    // Its own applied pointer is allowed.
    const own = s1.subscribe(appliedSubject("S1"));
    await s1.flush();
    expect(own.isClosed()).toBe(false);
    own.unsubscribe();
  });

  test("a wrong password does not connect", async () => {
    const path = join(credsDir, "wrong.creds");
    await Bun.write(path, 'user = "store_S1"\npassword = "not-the-password"\n');
    const security = await natsSecurity(nats.url, path);
    await expect(connect({ servers: natsServers(nats.url), ...security, reconnect: false })).rejects.toThrow(
      /authorization/i,
    );
  });
});
