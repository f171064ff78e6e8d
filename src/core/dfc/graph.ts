/**
 * A JSON-LD document as DFC platforms send it, read without a JSON-LD processor: nodes may be
 * listed in `@graph` (references by `{"@id"}` or a bare IRI string) or nested in place; terms
 * may be compacted (`dfc-b:quantity`) or full IRIs; a literal may be a number, a string or
 * `{"@value"}`. The context is not fetched: the DFC context's terms are known here.
 */
import { compact } from "./vocabulary.ts";

export type JsonValue = null | boolean | number | string | JsonValue[] | { [key: string]: JsonValue };
export type Node = { [key: string]: JsonValue };

function isNode(v: unknown): v is Node {
  return typeof v === "object" && v !== null && !Array.isArray(v);
}

export class DfcGraph {
  private readonly byId = new Map<string, Node>();
  /** Each nested object as read, to its node (keys compacted). */
  private readonly read = new WeakMap<object, Node>();
  readonly nodes: Node[] = [];

  constructor(doc: unknown) {
    const roots: unknown[] = Array.isArray(doc)
      ? doc
      : isNode(doc) && Array.isArray(doc["@graph"])
        ? doc["@graph"]
        : [doc];
    for (const root of roots) this.collect(root);
  }

  private collect(value: unknown): void {
    if (Array.isArray(value)) {
      for (const v of value) this.collect(v);
      return;
    }
    if (!isNode(value)) return;
    const keys = Object.keys(value).filter((k) => k !== "@context");
    if (keys.length === 0 || (keys.length === 1 && keys[0] === "@id")) return; // a reference
    const node: Node = {};
    for (const k of keys) node[compact(k)] = value[k] as JsonValue;
    const id = typeof node["@id"] === "string" ? node["@id"] : null;
    const known = id !== null ? this.byId.get(id) : undefined;
    this.read.set(value, known ?? node);
    if (known) Object.assign(known, node);
    else {
      if (id !== null) this.byId.set(id, node);
      this.nodes.push(node);
    }
    for (const k of keys) if (k !== "@id" && k !== "@type") this.collect(value[k]);
  }

  /** The node's types, compacted. */
  static types(node: Node): string[] {
    const t = node["@type"];
    const list = Array.isArray(t) ? t : [t];
    return list.filter((x): x is string => typeof x === "string").map(compact);
  }

  ofType(type: string): Node[] {
    return this.nodes.filter((n) => DfcGraph.types(n).includes(type));
  }

  /** The nodes a property points to (nested in place or by reference), in order. */
  refs(node: Node, property: string): { id: string | null; node: Node | undefined }[] {
    const v = node[property];
    const list = Array.isArray(v) ? v : v === undefined || v === null ? [] : [v];
    return list.map((item) => {
      if (typeof item === "string") return { id: item, node: this.byId.get(item) };
      if (isNode(item)) {
        const id = typeof item["@id"] === "string" ? item["@id"] : null;
        return { id, node: (id !== null ? this.byId.get(id) : undefined) ?? this.read.get(item) ?? item };
      }
      return { id: null, node: undefined };
    });
  }

  ref(node: Node, property: string): { id: string | null; node: Node | undefined } | undefined {
    return this.refs(node, property)[0];
  }

  /** A literal value as text (numbers as written), or undefined. */
  static literal(node: Node | undefined, property: string): string | undefined {
    if (!node) return undefined;
    const raw = node[property];
    const v = Array.isArray(raw) ? raw[0] : raw;
    if (typeof v === "string") return v;
    if (typeof v === "number" && Number.isFinite(v)) return String(v);
    if (isNode(v)) {
      const inner = v["@value"] ?? v["@id"];
      if (typeof inner === "string") return inner;
      if (typeof inner === "number" && Number.isFinite(inner)) return String(inner);
    }
    return undefined;
  }
}
