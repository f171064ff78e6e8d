/**
 * The event hash check on the ingest path. An event's hash is SHA-256 over the canonical JSON
 * of its envelope without the hash (src/core/events.ts). The relay sends payloads exactly as
 * journaled, already canonical, so the material is usually assembled with JSON.stringify once
 * a cheap walk has confirmed the payload is in canonical form; anything else takes the general
 * `canonicalJson` path. Both give the same text for the same event.
 */
import { canonicalJson, eventHashMaterial, type StoreEvent } from "../../core/events.ts";

/** Whether JSON.stringify writes this parsed JSON value exactly as canonicalJson does. */
export function isCanonicalJsonValue(value: unknown): boolean {
  if (value === null) return true;
  switch (typeof value) {
    case "string":
    case "boolean":
      return true;
    case "number":
      return Number.isFinite(value);
    case "object":
      break;
    default:
      return false;
  }
  if (Array.isArray(value)) {
    for (const item of value) if (!isCanonicalJsonValue(item)) return false;
    return true;
  }
  const record = value as Record<string, unknown>;
  let previous: string | null = null;
  for (const key in record) {
    if (previous !== null && !(previous < key)) return false;
    if (!isCanonicalJsonValue(record[key])) return false;
    previous = key;
  }
  return true;
}

function sha256Hex(text: string): string {
  return new Bun.CryptoHasher("sha256").update(text).digest("hex");
}

/**
 * The hash an event should carry and its payload as canonical JSON. `rawPayload` is the
 * payload as parsed from the message (schema parsing may reorder keys).
 */
export function canonicalForm(event: StoreEvent, rawPayload: unknown): { hash: string; payload: string } {
  if (!isCanonicalJsonValue(rawPayload)) {
    return { hash: sha256Hex(eventHashMaterial(event)), payload: canonicalJson(event.payload) };
  }
  const payload = JSON.stringify(rawPayload);
  const material = `{"at":${JSON.stringify(event.at)},"id":${JSON.stringify(event.id)},"payload":${payload},"prevHash":${JSON.stringify(event.prevHash)},"seq":${event.seq},"storeId":${JSON.stringify(event.storeId)},"type":${JSON.stringify(event.type)},"version":${event.version}}`;
  return { hash: sha256Hex(material), payload };
}
