/**
 * Every NATS subject, stream and consumer name replication uses, in one place.
 *
 *   ringup.v1.store.<storeId>.<eventType>   store → HQ events (stream RINGUP_STORE_EVENTS)
 *   ringup.v1.hq.applied.<storeId>          HQ → store: the highest sequence HQ has applied
 *   ringup.v1.hq.catalog.all.<kind>.<key>   HQ → every store: latest value per key (stream RINGUP_HQ_CATALOG)
 *   ringup.v1.hq.catalog.store.<storeId>.<kind>.<key>
 *                                           HQ → one store (its settings); keys encoded as one token
 */
import { ALL_STORES, CHANGE_KINDS, type ChangeKind } from "../../core/catalog-changes.ts";
import { checkStoreId, SUBJECT_ROOT } from "../../core/events.ts";

export {
  parseStoreEventSubject,
  SUBJECT_ROOT,
  storeEventSubject,
  storeEventsFilter,
} from "../../core/events.ts";
export { isStoreId } from "../../core/ids.ts";

export const STORE_EVENTS_STREAM = "RINGUP_STORE_EVENTS";
export const STORE_EVENTS_SUBJECTS = `${SUBJECT_ROOT}.store.>`;
/** HQ's durable pull consumer on the store events stream. */
export const INGEST_CONSUMER = "RINGUP_HQ_INGEST";
export const CATALOG_STREAM = "RINGUP_HQ_CATALOG";
export const CATALOG_SUBJECTS = `${SUBJECT_ROOT}.hq.catalog.>`;

export function appliedSubject(storeId: string): string {
  return `${SUBJECT_ROOT}.hq.applied.${checkStoreId(storeId)}`;
}

/** The subject tokens of a change-log target: `all` for every store, else `store.<id>`. */
function catalogTarget(storeId: string): string {
  return storeId === ALL_STORES ? "all" : `store.${checkStoreId(storeId)}`;
}

/** A key as one subject token: unreserved characters as they are, the rest as _XX hex. */
export function keyToken(key: string): string {
  let out = "";
  for (const byte of new TextEncoder().encode(key)) {
    const c = String.fromCharCode(byte);
    out += /[A-Za-z0-9-]/.test(c) ? c : `_${byte.toString(16).padStart(2, "0")}`;
  }
  return out || "_";
}

export function catalogSubject(storeId: string, kind: ChangeKind, key: string): string {
  if (!CHANGE_KINDS.includes(kind)) throw new Error(`unknown change kind ${kind}`);
  return `${SUBJECT_ROOT}.hq.catalog.${catalogTarget(storeId)}.${kind}.${keyToken(key)}`;
}

/** Every key of one kind and target (`*`: every store), e.g. to purge them from the stream. */
export function catalogKindFilter(storeId: string, kind: ChangeKind): string {
  if (!CHANGE_KINDS.includes(kind)) throw new Error(`unknown change kind ${kind}`);
  return `${SUBJECT_ROOT}.hq.catalog.${catalogTarget(storeId)}.${kind}.>`;
}

/** What a store reads of the catalog stream: entries for every store, and its own. */
export function catalogFilter(target: "all" | "own", storeId: string): string {
  return `${SUBJECT_ROOT}.hq.catalog.${target === "all" ? "all" : `store.${checkStoreId(storeId)}`}.>`;
}

/** A store's consumer on the catalog stream (one per filter; 2.9 has no multi-filter consumers). */
export function catalogConsumerName(target: "all" | "own", storeId: string): string {
  return `${checkStoreId(storeId)}_${target}`;
}

/** Inbox prefix of a store's connection, so it may only subscribe to its own replies. */
export function storeInboxPrefix(storeId: string): string {
  return `_INBOX_${checkStoreId(storeId)}`;
}
