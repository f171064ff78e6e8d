/**
 * A streaming check of raw JSON bytes for nesting depth and keys per object, run as a request
 * body arrives and before anything parses it: a hostile body (an array nested 100,000 deep, an
 * object with a million keys) is refused after reading only as much of it as it takes to see
 * the limit crossed, and never becomes objects for the parser or the validator to walk.
 *
 * It looks only at the structural bytes (`{ [ ] } : "` and `\` inside strings), which in UTF-8
 * never occur inside a multi-byte character, so it needs no decoding. It does not check the
 * syntax: `JSON.parse` does that afterwards, on a body now known to be shallow and bounded.
 */

export interface JsonShapeLimits {
  /** Deepest nesting of objects and arrays (a flat object is depth 1). */
  maxDepth: number;
  /** Most keys in any one object. */
  maxKeys: number;
}

export type JsonShapeProblem =
  | { kind: "depth"; limit: number; offset: number }
  | { kind: "keys"; limit: number; offset: number };

const QUOTE = 0x22;
const BACKSLASH = 0x5c;
const OPEN_OBJECT = 0x7b;
const CLOSE_OBJECT = 0x7d;
const OPEN_ARRAY = 0x5b;
const CLOSE_ARRAY = 0x5d;
const COLON = 0x3a;

/** Feed it the body's chunks in order; `feed` answers the first limit crossed, or null. */
export class JsonShapeScanner {
  readonly #limits: JsonShapeLimits;
  /** Per open container: 1 object, 2 array. */
  readonly #kinds: Uint8Array;
  /** Keys seen so far in each open object. */
  readonly #keys: Uint32Array;
  #depth = 0;
  #inString = false;
  #escaped = false;
  #offset = 0;

  constructor(limits: JsonShapeLimits) {
    this.#limits = limits;
    this.#kinds = new Uint8Array(limits.maxDepth + 1);
    this.#keys = new Uint32Array(limits.maxDepth + 1);
  }

  feed(chunk: Uint8Array): JsonShapeProblem | null {
    const { maxDepth, maxKeys } = this.#limits;
    const kinds = this.#kinds;
    const keys = this.#keys;
    let depth = this.#depth;
    let inString = this.#inString;
    let escaped = this.#escaped;
    for (let i = 0; i < chunk.length; i++) {
      const byte = chunk[i] as number;
      if (inString) {
        if (escaped) escaped = false;
        else if (byte === BACKSLASH) escaped = true;
        else if (byte === QUOTE) inString = false;
        continue;
      }
      switch (byte) {
        case QUOTE:
          inString = true;
          break;
        case OPEN_OBJECT:
        case OPEN_ARRAY:
          if (depth >= maxDepth) return { kind: "depth", limit: maxDepth, offset: this.#offset + i };
          depth++;
          kinds[depth] = byte === OPEN_OBJECT ? 1 : 2;
          keys[depth] = 0;
          break;
        case CLOSE_OBJECT:
        case CLOSE_ARRAY:
          if (depth > 0) depth--;
          break;
        case COLON:
          if (depth > 0 && kinds[depth] === 1) {
            const count = (keys[depth] as number) + 1;
            if (count > maxKeys) return { kind: "keys", limit: maxKeys, offset: this.#offset + i };
            keys[depth] = count;
          }
          break;
      }
    }
    this.#depth = depth;
    this.#inString = inString;
    this.#escaped = escaped;
    this.#offset += chunk.length;
    return null;
  }
}
