/**
 * The Data Food Consortium (DFC) terms Ringup reads and writes (docs/integrations.md): the
 * business ontology's classes and properties under the `dfc-b:` prefix, measures under `dfc-m:`
 * and the vocabulary's states under `dfc-v:`, all in the compacted form the DFC context
 * (https://www.datafoodconsortium.org) gives them and the Open Food Network exchanges.
 */

export const DFC_CONTEXT = "https://www.datafoodconsortium.org";

/** The ontologies' full IRIs, for documents written without the context's prefixes. */
const PREFIXES: Record<string, string> = {
  "dfc-b:":
    "https://github.com/datafoodconsortium/ontology/releases/latest/download/DFC_BusinessOntology.owl#",
  "dfc-m:": "https://github.com/datafoodconsortium/taxonomies/releases/latest/download/measures.rdf#",
  "dfc-v:": "https://github.com/datafoodconsortium/taxonomies/releases/latest/download/vocabulary.rdf#",
};

/** A term in its compacted form: `dfc-b:Order` for itself or for its full IRI. */
export function compact(term: string): string {
  for (const [prefix, iri] of Object.entries(PREFIXES)) {
    if (term.startsWith(iri)) return `${prefix}${term.slice(iri.length)}`;
  }
  return term;
}

/** ISO 4217 codes and the DFC measures of their currencies (others are a gap, docs/integrations.md). */
const CURRENCIES: Record<string, string> = {
  EUR: "dfc-m:Euro",
  GBP: "dfc-m:PoundSterling",
  USD: "dfc-m:USDollar",
  CAD: "dfc-m:CanadianDollar",
  AUD: "dfc-m:AustralianDollar",
  CHF: "dfc-m:SwissFranc",
};

/** The DFC measure of a currency, or the ISO code itself where DFC names none we know. */
export function currencyMeasure(currency: string): string {
  return CURRENCIES[currency] ?? currency;
}

/** The ISO code of a DFC currency measure (or of an ISO code given as is), or undefined. */
export function currencyOfMeasure(measure: string): string | undefined {
  const term = compact(measure);
  for (const [code, m] of Object.entries(CURRENCIES)) if (m === term) return code;
  return /^[A-Z]{3}$/.test(term) ? term : undefined;
}

export const UNIT_PIECE = "dfc-m:Piece";
export const UNIT_KILOGRAM = "dfc-m:Kilogram";
