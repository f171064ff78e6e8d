/**
 * The store's signed archive, one JSON value per line (UTF-8):
 *
 *   1        header    {"format":"ringup-archive/1","storeId","from","to","createdAt","signingKey"}
 *   2 … n+1  records   {"n":1,"kind":"event"|"closure"|"sale"|"return","ref":"…","data":{…}}
 *   n+2      manifest  {"manifest":[{"n","kind","ref","sha256"}, …]}  (SHA-256 of each record's line)
 *   n+3      signature {"signature":"…"}  Ed25519 (base64) over the bytes of line 1, "\n", line n+2
 *
 * `signingKey` is the store's public key (SPKI DER, base64). Checking needs no server: the
 * signature proves header and manifest, the manifest proves every record, its place and that
 * none is missing. The first record found altered, missing, reordered or added is named.
 */
import { createPublicKey, verify } from "node:crypto";
import { z } from "zod";
import { sha256Hex } from "../core/sha256.ts";

export const ARCHIVE_FORMAT = "ringup-archive/1";
export const RECORD_KINDS = ["event", "closure", "sale", "return"] as const;

const headerSchema = z.strictObject({
  format: z.literal(ARCHIVE_FORMAT),
  storeId: z.string().min(1),
  from: z.iso.date(),
  to: z.iso.date(),
  createdAt: z.iso.datetime(),
  signingKey: z.string().min(1),
});
export type ArchiveHeader = z.infer<typeof headerSchema>;

const entrySchema = z.strictObject({
  n: z.int().positive(),
  kind: z.enum(RECORD_KINDS),
  /** What the record is, for people: "event 12", "closure 3", "sale S1-T1-000004". */
  ref: z.string().min(1),
  sha256: z.string().regex(/^[0-9a-f]{64}$/),
});
type ManifestEntry = z.infer<typeof entrySchema>;
const manifestSchema = z.strictObject({ manifest: z.array(entrySchema) });
const signatureSchema = z.strictObject({ signature: z.string().min(1) });

export interface ArchiveRecord {
  kind: (typeof RECORD_KINDS)[number];
  ref: string;
  data: unknown;
}

/** Writes an archive: records in the order given, the manifest of their hashes, the signature. */
export function buildArchive(
  header: ArchiveHeader,
  records: readonly ArchiveRecord[],
  sign: (data: Uint8Array) => string,
): string {
  const head = JSON.stringify({ ...header, format: ARCHIVE_FORMAT });
  const lines = records.map((r, i) => JSON.stringify({ n: i + 1, kind: r.kind, ref: r.ref, data: r.data }));
  const manifest = JSON.stringify({
    manifest: lines.map((line, i) => ({
      n: i + 1,
      kind: records[i]?.kind,
      ref: records[i]?.ref,
      sha256: sha256Hex(line),
    })),
  });
  const signature = sign(new TextEncoder().encode(`${head}\n${manifest}`));
  return `${[head, ...lines, manifest, JSON.stringify({ signature })].join("\n")}\n`;
}

export type ArchiveProblemKind = "unreadable" | "signature" | "altered" | "missing" | "reordered" | "added";

export type ArchiveCheck =
  | {
      ok: true;
      header: ArchiveHeader;
      records: number;
      byKind: Record<string, number>;
      keyFrom: "file" | "archive";
    }
  | { ok: false; problem: { kind: ArchiveProblemKind; record: number | null; message: string } };

function fail(kind: ArchiveProblemKind, message: string, record: number | null = null): ArchiveCheck {
  return { ok: false, problem: { kind, record, message } };
}

function parseLine<S extends z.ZodType>(schema: S, line: string | undefined): z.infer<S> | null {
  if (line === undefined) return null;
  try {
    const parsed = schema.safeParse(JSON.parse(line));
    return parsed.success ? parsed.data : null;
  } catch {
    return null;
  }
}

/** A public key given as base64 SPKI DER or as PEM. */
export function normalisePublicKey(text: string): string | null {
  try {
    const trimmed = text.trim();
    const key = trimmed.startsWith("-----")
      ? createPublicKey(trimmed)
      : createPublicKey({ key: Buffer.from(trimmed, "base64"), format: "der", type: "spki" });
    if (key.asymmetricKeyType !== "ed25519") return null;
    return key.export({ type: "spki", format: "der" }).toString("base64");
  } catch {
    return null;
  }
}

const describe = (e: ManifestEntry) => `record ${e.n} (${e.ref})`;

/**
 * Checks an archive's bytes; `publicKey` (base64 SPKI or PEM) is the key head office holds —
 * without it the key written in the archive is used, which proves integrity, not origin.
 */
export function verifyArchive(bytes: Uint8Array, publicKey?: string): ArchiveCheck {
  let text: string;
  try {
    text = new TextDecoder("utf-8", { fatal: true }).decode(bytes);
  } catch {
    return fail("unreadable", "the archive is not UTF-8 text: it was altered or is not an archive");
  }
  const lines = text.endsWith("\n") ? text.slice(0, -1).split("\n") : text.split("\n");
  const header = parseLine(headerSchema, lines[0]);
  if (header === null) return fail("unreadable", `line 1 is not the header of a ${ARCHIVE_FORMAT} archive`);
  const signatureLine = parseLine(signatureSchema, lines.at(-1));
  const manifestLine = lines.at(-2);
  const manifest = parseLine(manifestSchema, manifestLine);
  if (signatureLine === null || manifest === null || lines.length < 3) {
    return fail(
      "unreadable",
      "the manifest or the signature (the last two lines) is unreadable: the archive was altered or cut short",
    );
  }
  const given = publicKey === undefined ? null : normalisePublicKey(publicKey);
  if (publicKey !== undefined && given === null) {
    return fail("unreadable", "the public key given is not an Ed25519 public key (PEM or base64 SPKI)");
  }
  const key = given ?? normalisePublicKey(header.signingKey);
  if (key === null)
    return fail("signature", "the archive's signing key is unreadable: the header was altered");
  if (given !== null && normalisePublicKey(header.signingKey) !== given) {
    return fail(
      "signature",
      "the archive names another signing key than the one given: it was not signed by this store",
    );
  }
  // Base64 that does not read back the same (spare bits set) is not the signature written.
  const signature = Buffer.from(signatureLine.signature, "base64");
  let signed = signature.toString("base64") === signatureLine.signature;
  try {
    signed &&= verify(
      null,
      new TextEncoder().encode(`${lines[0]}\n${manifestLine}`),
      createPublicKey({ key: Buffer.from(key, "base64"), format: "der", type: "spki" }),
      signature,
    );
  } catch {
    signed = false;
  }
  if (!signed) {
    return fail(
      "signature",
      "the signature does not match the header and the manifest: one of them was altered",
    );
  }
  const entries = manifest.manifest;
  const records = lines.slice(1, -2);
  const hashes = records.map((line) => sha256Hex(line));
  const position = new Map(entries.map((e, i) => [e.sha256, i]));
  const byKind: Record<string, number> = {};
  for (let i = 0; i < Math.max(entries.length, records.length); i++) {
    const expected = entries[i];
    const hash = hashes[i];
    if (expected === undefined) {
      return fail("added", `line ${i + 2} is a record the manifest does not list: it was added`, i + 1);
    }
    if (hash === undefined) return fail("missing", `${describe(expected)} is missing`, expected.n);
    if (hash === expected.sha256) {
      byKind[expected.kind] = (byKind[expected.kind] ?? 0) + 1;
      continue;
    }
    const at = position.get(hash);
    if (at !== undefined && at > i && hashes.indexOf(expected.sha256) === -1) {
      return fail(
        "missing",
        `${describe(expected)} is missing: ${describe(entries[at] as ManifestEntry)} follows in its place`,
        expected.n,
      );
    }
    if (at !== undefined) {
      return fail(
        "reordered",
        `${describe(entries[at] as ManifestEntry)} is out of order: found where ${describe(expected)} belongs`,
        expected.n,
      );
    }
    return fail(
      "altered",
      `${describe(expected)} was altered: its content does not match its hash`,
      expected.n,
    );
  }
  return { ok: true, header, records: records.length, byKind, keyFrom: given === null ? "archive" : "file" };
}
