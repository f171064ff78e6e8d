/**
 * The store's catalog as DFC documents (docs/integrations.md): the enterprise (the shop, with
 * its legal name, address and tax number), and per product a `dfc-b:SuppliedProduct`, the
 * `dfc-b:CatalogItem` that lists it with its stock (`dfc-b:stockLimitation`) and the
 * `dfc-b:Offer` that prices it (`dfc-b:hasPrice`). Each node's IRI is under the store's
 * `/api/v1/dfc/` routes, so a hub that orders an offer names the product by it.
 */
import type { DfcCatalogQuery } from "../../api/store/dfc.ts";
import { currencyMeasure, DFC_CONTEXT, UNIT_KILOGRAM, UNIT_PIECE } from "../../core/dfc/vocabulary.ts";
import { currencyExponent, minorToDecimalString } from "../../core/money.ts";
import { milliToDecimalString } from "../../core/quantity.ts";
import type { StoreContext } from "../context.ts";

type Node = Record<string, unknown> & { "@id": string; "@type": string };
export interface DfcDocument {
  "@context": string;
  "@graph": Node[];
}

interface ProductRow {
  code: string;
  name: string;
  priceMinor: number;
  taxClass: string | null;
  soldByWeight: number;
  onHandMilli: number | null;
}

const PATH = /\/api\/v1\/dfc\/(?:supplied-products|offers|catalog-items)\/([^/?#]+)$/;

/** The product code of one of our DFC IRIs (any host: a hub may reach the store by another name). */
export function codeOfIri(iri: string): string | undefined {
  const m = PATH.exec(iri);
  if (!m?.[1]) return undefined;
  try {
    return decodeURIComponent(m[1]);
  } catch {
    return undefined;
  }
}

export class DfcCatalog {
  constructor(
    private readonly ctx: StoreContext,
    /** The base IRI of the store (its public URL, or the one a request came to). */
    private readonly base: string,
  ) {}

  private iri(kind: string, code?: string): string {
    return `${this.base}/api/v1/dfc/${kind}${code === undefined ? "" : `/${encodeURIComponent(code)}`}`;
  }

  private doc(graph: Node[]): DfcDocument {
    return { "@context": DFC_CONTEXT, "@graph": graph };
  }

  private products(query: DfcCatalogQuery, code?: string): ProductRow[] {
    const where = code !== undefined ? "p.code = ?1" : "p.code > ?1";
    return this.ctx.sqlite
      .query<ProductRow, [string, number]>(
        `SELECT p.code, p.name, p.price_minor AS priceMinor, p.tax_class AS taxClass, p.sold_by_weight AS soldByWeight,
           l.on_hand_milli AS onHandMilli
         FROM products p LEFT JOIN stock_levels l ON l.product_code = p.code
         WHERE p.active = 1 AND ${where} ORDER BY p.code LIMIT ?2`,
      )
      .all(code ?? query.after ?? "", query.limit);
  }

  enterprise(): DfcDocument {
    const s = this.ctx.settings;
    const id = this.iri("enterprise");
    const address = s.legal?.address ?? s.addressLines;
    const products = this.products({ limit: 5000 });
    const enterprise: Node = {
      "@id": id,
      "@type": "dfc-b:Enterprise",
      "dfc-b:name": s.legal?.name ?? s.storeName,
      "dfc-b:hasAddress": { "@id": `${id}#address` },
      "dfc-b:supplies": products.map((p) => ({ "@id": this.iri("supplied-products", p.code) })),
      "dfc-b:manages": products.map((p) => ({ "@id": this.iri("catalog-items", p.code) })),
    };
    if (s.legal) enterprise["dfc-b:VATnumber"] = s.legal.taxId;
    const addressNode: Node = { "@id": `${id}#address`, "@type": "dfc-b:Address" };
    if (address[0]) addressNode["dfc-b:hasStreet"] = address[0];
    if (address[1]) addressNode["dfc-b:hasCity"] = address.slice(1).join(", ");
    if (s.legal?.country) addressNode["dfc-b:hasCountry"] = s.legal.country;
    return this.doc([enterprise, addressNode]);
  }

  /** Supplied products with their catalog items and offers (a page of them, by code). */
  suppliedProducts(query: DfcCatalogQuery, code?: string): DfcDocument {
    return this.doc(this.products(query, code).flatMap((p) => this.productNodes(p)));
  }

  /** Offers alone: price and stock, for a hub that keeps its shop in step. */
  offers(query: DfcCatalogQuery): DfcDocument {
    return this.doc(this.products(query).map((p) => this.offerNode(p)));
  }

  private stock(p: ProductRow): number {
    return Math.max(0, p.onHandMilli ?? 0);
  }

  private productNodes(p: ProductRow): Node[] {
    const sp = this.iri("supplied-products", p.code);
    const ci = this.iri("catalog-items", p.code);
    return [
      {
        "@id": sp,
        "@type": "dfc-b:SuppliedProduct",
        "dfc-b:name": p.name,
        "dfc-b:hasQuantity": {
          "@type": "dfc-b:QuantitativeValue",
          "dfc-b:hasUnit": p.soldByWeight ? UNIT_KILOGRAM : UNIT_PIECE,
          "dfc-b:value": 1,
        },
        "dfc-b:referencedBy": { "@id": ci },
      },
      {
        "@id": ci,
        "@type": "dfc-b:CatalogItem",
        "dfc-b:sku": p.code,
        "dfc-b:stockLimitation": Number(milliToDecimalString(this.stock(p))),
        "dfc-b:references": { "@id": sp },
        "dfc-b:offeredThrough": { "@id": this.iri("offers", p.code) },
      },
      this.offerNode(p),
    ];
  }

  private offerNode(p: ProductRow): Node {
    const s = this.ctx.settings;
    const rate = s.taxClasses.find((t) => t.id === p.taxClass)?.rate ?? "0";
    return {
      "@id": this.iri("offers", p.code),
      "@type": "dfc-b:Offer",
      "dfc-b:offeredItem": { "@id": this.iri("supplied-products", p.code) },
      "dfc-b:hasPrice": {
        "@type": "dfc-b:Price",
        "dfc-b:value": Number(minorToDecimalString(p.priceMinor, currencyExponent(s.currency))),
        "dfc-b:VATrate": Number(rate),
        "dfc-b:hasUnit": currencyMeasure(s.currency),
      },
      "dfc-b:stockLimitation": Number(milliToDecimalString(this.stock(p))),
    };
  }

  /** Names of products by code, for the ones given (unknown ones left out). */
  names(codes: readonly string[]): Map<string, string> {
    const out = new Map<string, string>();
    const q = this.ctx.sqlite.query<{ name: string }, [string]>("SELECT name FROM products WHERE code = ?");
    for (const c of codes) {
      const row = q.get(c);
      if (row) out.set(c, row.name);
    }
    return out;
  }
}
