/**
 * Deterministic JSON for hashing: object keys sorted by UTF-16 code units (as RFC 8785 JCS),
 * no whitespace, numbers and strings exactly as JSON.stringify writes them. It is the JSON a
 * parser would read back, so `canonicalJson(JSON.parse(canonicalJson(x))) === canonicalJson(x)`.
 *
 * Like JSON.stringify, object properties that are undefined are left out, undefined in an
 * array becomes null, and toJSON (Date) is honoured. Unlike it, values JSON cannot carry
 * faithfully (NaN, Infinity, bigint, functions, symbols, cycles) are refused.
 */
import { InvalidInputError } from "../errors.ts";

function refuse(what: string, path: string): never {
  throw new InvalidInputError(
    "NOT_CANONICAL_JSON",
    `Cannot write ${what} at ${path || "the top level"} as canonical JSON; use plain objects, arrays, strings, finite numbers, booleans and null.`,
    { path },
  );
}

function hasToJson(value: object): value is { toJSON: (key: string) => unknown } {
  return typeof (value as { toJSON?: unknown }).toJSON === "function";
}

function write(value: unknown, path: string, seen: Set<object>): string | undefined {
  switch (typeof value) {
    case "string":
    case "boolean":
      return JSON.stringify(value);
    case "number":
      if (!Number.isFinite(value)) refuse(String(value), path);
      return JSON.stringify(value);
    case "undefined":
      return undefined;
    case "bigint":
    case "function":
    case "symbol":
      return refuse(`a ${typeof value}`, path);
  }
  if (value === null) return "null";
  const object = value as object;
  if (hasToJson(object)) return write(object.toJSON(path.split(".").at(-1) ?? ""), path, seen);
  if (seen.has(object)) refuse("a circular reference", path);
  seen.add(object);
  let out: string;
  if (Array.isArray(object)) {
    out = `[${object.map((item, i) => write(item, `${path}[${i}]`, seen) ?? "null").join(",")}]`;
  } else {
    const parts: string[] = [];
    const record = object as Record<string, unknown>;
    for (const key of Object.keys(record).sort()) {
      const written = write(record[key], path ? `${path}.${key}` : key, seen);
      if (written !== undefined) parts.push(`${JSON.stringify(key)}:${written}`);
    }
    out = `{${parts.join(",")}}`;
  }
  seen.delete(object);
  return out;
}

/** Thrown by the fast writer; the slow one then finds where, for the message. */
const NOT_CANONICAL = Symbol("not canonical");

/**
 * The same JSON as `write`, without building a path for every value (the hot path of every
 * journal event): on anything it cannot write, it stops, and `write` runs again to say where.
 */
function writeFast(value: unknown, depth: number): string | undefined {
  switch (typeof value) {
    case "string":
    case "boolean":
      return JSON.stringify(value);
    case "number":
      if (!Number.isFinite(value)) throw NOT_CANONICAL;
      return JSON.stringify(value);
    case "undefined":
      return undefined;
    case "bigint":
    case "function":
    case "symbol":
      throw NOT_CANONICAL;
  }
  if (value === null) return "null";
  // Deeper than any document of ours: let the slow writer tell a cycle from a deep value.
  if (depth > 64) throw NOT_CANONICAL;
  const object = value as object;
  if (hasToJson(object)) throw NOT_CANONICAL;
  if (Array.isArray(object)) {
    let out = "[";
    for (let i = 0; i < object.length; i++) {
      if (i > 0) out += ",";
      out += writeFast(object[i], depth + 1) ?? "null";
    }
    return `${out}]`;
  }
  const record = object as Record<string, unknown>;
  const keys = Object.keys(record).sort();
  let out = "{";
  let first = true;
  for (const key of keys) {
    const written = writeFast(record[key], depth + 1);
    if (written === undefined) continue;
    out += `${first ? "" : ","}${JSON.stringify(key)}:${written}`;
    first = false;
  }
  return `${out}}`;
}

export function canonicalJson(value: unknown): string {
  let written: string | undefined;
  try {
    written = writeFast(value, 0);
  } catch (err) {
    if (err !== NOT_CANONICAL) throw err;
    written = write(value, "", new Set());
  }
  if (written === undefined) refuse("undefined", "");
  return written;
}

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
