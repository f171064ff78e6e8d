/**
 * One envelope: the store's journal, the outbox relay and HQ's ingest write, send and check an
 * event with the functions of `src/core/events/envelope.ts`, so the same event has the same
 * hash on every path, and no other module hashes or writes an envelope of its own.
 */
import { afterAll, expect, test } from "bun:test";
import { mkdtemp, readFile, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join, relative } from "node:path";
import {
  canonicalJson,
  computeEventHash,
  type EnvelopeHead,
  envelopeJson,
  parseEvent,
  receivedEventForm,
  storeEventSubject,
} from "../../src/core/events.ts";
import { verifyJournal } from "../../src/store-server/journal/verify.ts";
import { fillJournal } from "../support/replication-journal.ts";

const dirs: string[] = [];
afterAll(async () => {
  for (const dir of dirs) await rm(dir, { recursive: true, force: true });
});

/** A journal row: the envelope's head without the store, its payload as stored text. */
type Row = Omit<EnvelopeHead, "storeId"> & { payload: string; hash: string };

test("an event journaled, relayed and ingested has one hash", async () => {
  const dir = await mkdtemp(join(tmpdir(), "ringup-envelope-"));
  dirs.push(dir);
  const ctx = fillJournal(dir, "S1", 5);
  const rows = ctx.sqlite
    .query<Row, []>(
      "SELECT seq, id, type, version, at, payload, prev_hash AS prevHash, hash FROM events ORDER BY seq",
    )
    .all();
  expect(rows).toHaveLength(5);
  for (const row of rows) {
    // The relay's message body, as it publishes it.
    const wire = envelopeJson({ ...row, storeId: "S1" }, row.payload, row.hash);
    const raw = JSON.parse(wire) as { payload: unknown };
    // HQ's ingest: parse, then the hash of what arrived.
    const event = parseEvent(raw);
    const received = receivedEventForm(event, raw.payload);
    expect(received.hash).toBe(row.hash);
    expect(received.payload).toBe(row.payload);
    expect(computeEventHash(event)).toBe(row.hash);
    // The wire text is the canonical JSON of the whole envelope.
    expect(wire).toBe(canonicalJson(raw));
    // An independent SHA-256 over the canonical envelope without its hash.
    const { hash: _hash, ...unsealed } = event;
    expect(new Bun.CryptoHasher("sha256").update(canonicalJson(unsealed)).digest("hex")).toBe(row.hash);
    expect(storeEventSubject("S1", row.type)).toBe(`ringup.v1.store.S1.${row.type}`);
  }
  expect(verifyJournal(ctx.sqlite, "S1")).toMatchObject({ ok: true, events: 5 });
  ctx.sqlite.close();
});

test("no module but the envelope and the one SHA-256 writes an envelope or hashes", async () => {
  const root = join(import.meta.dir, "../..");
  // The runtime's native SHA-256 is the same hash (its own test holds it to the core's answers),
  // handed to the envelope's functions by head office's ingest for speed.
  const allowed = new Set([
    "src/core/sha256.ts",
    "src/core/events/envelope.ts",
    "src/shared/sha256-native.ts",
  ]);
  const offenders: string[] = [];
  for (const file of new Bun.Glob("src/**/*.{ts,tsx}").scanSync({ cwd: root })) {
    if (allowed.has(file)) continue;
    const text = await readFile(join(root, file), "utf8");
    if (/CryptoHasher|createHash\(|subtle\.digest|"prevHash":\$\{/.test(text)) {
      offenders.push(relative(root, join(root, file)));
    }
  }
  expect(offenders).toEqual([]);
});
