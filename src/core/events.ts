/**
 * The store's event journal: every event type and its versioned payload schema
 * (`events/registry.ts`), and the envelope around them: parsing, canonical text, hash chain
 * and subject (`events/envelope.ts`). This is the door other modules use.
 */
export { canonicalJson } from "./events/canonical-json.ts";
export * from "./events/envelope.ts";
export * from "./events/registry.ts";
