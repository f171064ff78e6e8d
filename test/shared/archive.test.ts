/**
 * The signed archive's format on its own: an archive verifies with the store's key; every
 * single byte altered anywhere is refused, a record's byte naming that record; records dropped,
 * swapped or added are named as such; another store's key is refused.
 */
import { describe, expect, test } from "bun:test";
import { generateKeyPairSync, sign } from "node:crypto";
import { type ArchiveRecord, buildArchive, verifyArchive } from "../../src/shared/archive.ts";

function keyPair() {
  const { privateKey, publicKey } = generateKeyPairSync("ed25519");
  return {
    publicKey: publicKey.export({ type: "spki", format: "der" }).toString("base64"),
    pem: publicKey.export({ type: "spki", format: "pem" }).toString(),
    sign: (data: Uint8Array) => sign(null, data, privateKey).toString("base64"),
  };
}

const records: ArchiveRecord[] = [
  { kind: "event", ref: "event 1", data: { seq: 1, type: "sale.completed", payload: { totalMinor: 1250 } } },
  { kind: "event", ref: "event 2", data: { seq: 2, type: "sale.voided", payload: { reason: "left" } } },
  { kind: "closure", ref: "closure 1", data: { number: 1, grandTotalMinor: 0 } },
  {
    kind: "sale",
    ref: "sale S1-T1-000001",
    data: { receiptNo: "S1-T1-000001", document: { totalMinor: 1250 } },
  },
];

function archive(key = keyPair()) {
  const text = buildArchive(
    {
      format: "ringup-archive/1",
      storeId: "S1",
      from: "2026-03-02",
      to: "2026-03-02",
      createdAt: "2026-03-03T08:00:00.000Z",
      signingKey: key.publicKey,
    },
    records,
    key.sign,
  );
  return { text, bytes: new TextEncoder().encode(text), key };
}

function lines(text: string): string[] {
  return text.slice(0, -1).split("\n");
}

function withLines(text: string, edit: (l: string[]) => string[]): Uint8Array {
  return new TextEncoder().encode(`${edit(lines(text)).join("\n")}\n`);
}

describe("signed archive", () => {
  test("verifies with the store's key, given as base64 or PEM, or with the key it carries", () => {
    const { bytes, key } = archive();
    expect(verifyArchive(bytes, key.publicKey)).toMatchObject({
      ok: true,
      records: 4,
      byKind: { event: 2, closure: 1, sale: 1 },
      keyFrom: "file",
    });
    expect(verifyArchive(bytes, key.pem)).toMatchObject({ ok: true });
    expect(verifyArchive(bytes)).toMatchObject({ ok: true, keyFrom: "archive" });
    const other = keyPair();
    expect(verifyArchive(bytes, other.publicKey)).toMatchObject({
      ok: false,
      problem: { kind: "signature" },
    });
  });

  test("every byte altered anywhere is refused; in a record, that record is named", () => {
    const { text, bytes, key } = archive();
    const recordOf: (number | null)[] = [];
    lines(text).forEach((line, i) => {
      const n = i >= 1 && i <= records.length ? i : null;
      for (let b = 0; b < new TextEncoder().encode(line).length + 1; b++) recordOf.push(n);
    });
    let altered = 0;
    for (let at = 0; at < bytes.length; at++) {
      const copy = bytes.slice();
      copy[at] = (copy[at] as number) ^ 0x01;
      const result = verifyArchive(copy, key.publicKey);
      expect(result.ok).toBe(false);
      const n = recordOf[at];
      if (!result.ok && n !== null && n !== undefined && copy[at] !== 0x0b) {
        expect(result.problem.message).toContain(`record ${n} (${records[n - 1]?.ref}) was altered`);
        altered++;
      }
    }
    expect(altered).toBeGreaterThan(300);
  });

  test("a record dropped, swapped or added is named", () => {
    const { text, key } = archive();
    const dropped = verifyArchive(
      withLines(text, (l) => l.filter((_, i) => i !== 2)),
      key.publicKey,
    );
    expect(dropped).toMatchObject({ ok: false, problem: { kind: "missing", record: 2 } });
    expect(!dropped.ok && dropped.problem.message).toBe(
      "record 2 (event 2) is missing: record 3 (closure 1) follows in its place",
    );
    const swapped = verifyArchive(
      withLines(text, (l) => [l[0], l[1], l[3], l[2], ...l.slice(4)] as string[]),
      key.publicKey,
    );
    expect(swapped).toMatchObject({ ok: false, problem: { kind: "reordered", record: 2 } });
    const last = verifyArchive(
      withLines(text, (l) => l.filter((_, i) => i !== 4)),
      key.publicKey,
    );
    expect(last).toMatchObject({ ok: false, problem: { kind: "missing", record: 4 } });
    const added = verifyArchive(
      withLines(text, (l) => [...l.slice(0, 5), l[4] as string, ...l.slice(5)]),
      key.publicKey,
    );
    expect(added).toMatchObject({ ok: false, problem: { kind: "added" } });
    const cut = verifyArchive(new TextEncoder().encode(text.slice(0, 200)), key.publicKey);
    expect(cut).toMatchObject({ ok: false, problem: { kind: "unreadable" } });
  });
});
