/**
 * A TOML document from plain JSON-like data (strings, finite numbers, booleans, arrays, objects):
 * one `key = value` line per top-level key, nested values as inline tables and arrays, so it
 * reads back (`Bun.TOML.parse`) to the same data. Keys that are not bare are quoted.
 */

const BARE_KEY = /^[A-Za-z0-9_-]+$/;

function key(k: string): string {
  return BARE_KEY.test(k) ? k : JSON.stringify(k);
}

/** One TOML value; JSON's string escapes are TOML's basic-string escapes. */
function value(v: unknown, path: string): string {
  if (typeof v === "string") return JSON.stringify(v);
  if (typeof v === "boolean") return String(v);
  if (typeof v === "number") {
    if (!Number.isFinite(v)) throw new TypeError(`${path}: TOML has no ${v}`);
    return String(v);
  }
  if (Array.isArray(v)) return `[${v.map((x, i) => value(x, `${path}[${i}]`)).join(", ")}]`;
  if (typeof v === "object" && v !== null) {
    const entries = Object.entries(v).filter(([, x]) => x !== undefined);
    if (entries.length === 0) return "{}";
    return `{ ${entries.map(([k, x]) => `${key(k)} = ${value(x, `${path}.${k}`)}`).join(", ")} }`;
  }
  throw new TypeError(`${path}: cannot write ${v === null ? "null" : typeof v} as TOML`);
}

/** The document; `undefined` values are left out (TOML has no null). */
export function tomlDocument(data: Record<string, unknown>): string {
  return Object.entries(data)
    .filter(([, v]) => v !== undefined)
    .map(([k, v]) => `${key(k)} = ${value(v, k)}\n`)
    .join("");
}
