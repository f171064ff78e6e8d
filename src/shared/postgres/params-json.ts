/**
 * A statement's parameters as one JSON text, for the hand-over to the connection's worker: a
 * message's values are copied one by one (structured clone), which costs about ten times what
 * writing them as JSON and reading them back does, and a multi-row insert carries thousands.
 * Only values JSON gives back unchanged go this way (strings, finite numbers but -0, NULL);
 * the rest (bigint, bytes, NaN, ±Infinity, -0) cross as they are.
 */
import type { PgParam } from "./protocol.ts";

/** The parameters as JSON, or null when one of them would not come back the same. */
export function paramsAsJson(params: readonly PgParam[]): string | null {
  for (const value of params) {
    if (value === null || typeof value === "string") continue;
    if (typeof value === "number" && Number.isFinite(value) && !Object.is(value, -0)) continue;
    return null;
  }
  return JSON.stringify(params);
}
