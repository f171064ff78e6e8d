/**
 * A synthetic till catalog for the benchmarks: products (each with an EAN-13) written straight
 * into a till SQLite file, as a till holds them after its sync.
 */
import type { Database } from "bun:sqlite";
import { appendCheckDigit } from "../../src/core/barcode.ts";

/** A server that answers nothing: a till on a generated catalog never syncs. */
export const NOWHERE = "http://127.0.0.1:9";
export const offline = (async () => {
  throw Object.assign(new TypeError("Unable to connect"), { code: "ECONNREFUSED" });
}) as unknown as typeof fetch;

const WORDS = ["APPLE", "BREAD", "CHEESE", "COFFEE", "HONEY", "OATS", "PASTA", "RICE", "SOAP", "TEA"];

/** The name of synthetic product `i`: two words of ten (for name searches) and its number. */
export function syntheticName(i: number): string {
  return `${WORDS[i % WORDS.length]} ${WORDS[(i >> 3) % WORDS.length]} ${i}`;
}

/** Fills a till file with `count` products (EAN-13 each) in one transaction; answers the codes. */
export function generateCatalog(sqlite: Database, count: number): { eans: string[]; codes: string[] } {
  const product = sqlite.prepare(
    "INSERT INTO products (code, name, price_minor, tax_class, department, unit, change_seq) VALUES (?, ?, ?, ?, ?, 'each', ?)",
  );
  const barcode = sqlite.prepare("INSERT INTO barcodes (barcode, product_code) VALUES (?, ?)");
  const eans: string[] = [];
  const codes: string[] = [];
  sqlite.transaction(() => {
    for (let i = 1; i <= count; i++) {
      const code = `P${String(i).padStart(7, "0")}`;
      const ean = appendCheckDigit(`40${String(i).padStart(10, "0")}`);
      product.run(code, syntheticName(i), 50 + (i % 5000), "1", String(i % 40), i);
      barcode.run(`0${ean}`, code);
      if (i % 97 === 0) {
        eans.push(ean);
        codes.push(code);
      }
    }
    sqlite
      .prepare("INSERT INTO meta (key, value) VALUES ('storeId', 'S1'), ('catalogSeq', ?)")
      .run(String(count));
  })();
  // Random order, so the lookups do not walk the index in sequence.
  for (const list of [eans, codes]) {
    for (let i = list.length - 1; i > 0; i--) {
      const j = Math.floor(Math.random() * (i + 1));
      [list[i], list[j]] = [list[j] ?? "", list[i] ?? ""];
    }
  }
  return { eans, codes };
}
