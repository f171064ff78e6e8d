/**
 * CORE-POS quantity pricing and mix-and-match groups (`products.csv`, the columns pricemethod,
 * groupprice, quantity and mixmatchcode) as promotions (docs/promotions.md "From CORE-POS"):
 *
 * - pricemethod 1 or 2 (group price: `quantity` for `groupprice`), mixmatchcode 0: the product's
 *   own "N for a price" — `corepos-qty-<code>`, a `fixedPrice` with `buy`;
 * - the same with a mixmatchcode: one "N for a price" across every product of the group with
 *   the same quantity and group price — `corepos-mm-<mixmatchcode>`;
 * - pricemethod 3 (A/B deal): products of mixmatchcode m qualify (A), those of -m get
 *   `groupprice` off (B) once per sale when an A is bought — `corepos-ab-<m>`;
 * - any other price method, or a group price without a quantity of 2 or more, is reported and
 *   the product is priced normally.
 */
import { minorToDecimalString } from "../../core/money.ts";
import { type Promotion, promotionSchema } from "../../core/promotions/index.ts";
import { COREPOS_COLUMN, COREPOS_PRODUCT_COLUMNS, coreposCode } from "./corepos-products.ts";
import { readCsvRecords } from "./csv-records.ts";
import { readPrice } from "./fields.ts";

const PRICE_METHOD = 5;
const GROUP_PRICE = 6;
const QUANTITY = 7;
const MIX_MATCH = 21;

export interface SkippedPricing {
  line: number;
  code: string;
  reason: string;
}

interface Priced {
  line: number;
  code: string;
  name: string;
  method: string;
  groupMinor: number;
  quantity: number;
  mix: number;
}

function money(minor: number): string {
  return minorToDecimalString(minor, 2);
}

function nameOf(text: string): string {
  return text.length <= 60 ? text : `${text.slice(0, 59)}…`;
}

export function parseCoreposPromotions(
  text: string,
  currency = "USD",
): { promotions: Promotion[]; skipped: SkippedPricing[] } {
  const skipped: SkippedPricing[] = [];
  const priced: Priced[] = [];
  for (const record of readCsvRecords(text).records) {
    const f = record.fields.map((v) => v.trim());
    if (f.length !== COREPOS_PRODUCT_COLUMNS) continue;
    const method = f[PRICE_METHOD] ?? "0";
    if (method === "0" || method === "" || !/^\d{13}$/.test(f[COREPOS_COLUMN.upc] ?? "")) continue;
    const code = coreposCode(f[COREPOS_COLUMN.upc] ?? "");
    const name = f[COREPOS_COLUMN.formattedName] || f[COREPOS_COLUMN.description] || code;
    const skip = (reason: string) => skipped.push({ line: record.line, code, reason });
    if (!["1", "2", "3"].includes(method)) {
      skip(
        `pricemethod ${method}${method === "4" ? " (more than a quantity)" : ""} has no promotion kind here; priced normally`,
      );
      continue;
    }
    let groupMinor: number;
    try {
      groupMinor = readPrice(f[GROUP_PRICE] ?? "", "groupprice", currency);
    } catch (err) {
      skip(err instanceof Error ? err.message : String(err));
      continue;
    }
    const quantity = Number(f[QUANTITY]);
    const mix = Number(f[MIX_MATCH]);
    if (groupMinor <= 0 || !Number.isInteger(quantity) || (method !== "3" && quantity < 2)) {
      skip(`pricemethod ${method} needs a groupprice and a quantity of 2 or more; priced normally`);
      continue;
    }
    if (!Number.isInteger(mix)) {
      skip(`mixmatchcode "${f[MIX_MATCH]}" is not a number; priced normally`);
      continue;
    }
    priced.push({ line: record.line, code, name, method, groupMinor, quantity, mix });
  }
  const promotions: Promotion[] = [];
  const groups = new Map<string, Priced[]>();
  for (const p of priced) {
    if (p.method === "3") {
      if (p.mix === 0) {
        skipped.push({
          line: p.line,
          code: p.code,
          reason: "pricemethod 3 needs a mixmatchcode (its A/B group)",
        });
        continue;
      }
      const key = `ab:${Math.abs(p.mix)}`;
      groups.set(key, [...(groups.get(key) ?? []), p]);
    } else if (p.mix === 0) {
      promotions.push({
        id: `corepos-qty-${p.code}`,
        name: nameOf(`${p.name} ${p.quantity} for ${money(p.groupMinor)}`),
        condition: { products: [p.code] },
        reward: { kind: "fixedPrice", buy: p.quantity, priceMinor: p.groupMinor },
      });
    } else {
      const key = `mm:${p.mix}:${p.quantity}:${p.groupMinor}`;
      groups.set(key, [...(groups.get(key) ?? []), p]);
    }
  }
  for (const [key, members] of groups) {
    const first = members[0] as Priced;
    if (key.startsWith("mm:")) {
      const sameCode = [...groups.keys()].filter((k) => k.startsWith(`mm:${first.mix}:`));
      const id =
        sameCode.length === 1 ? `corepos-mm-${first.mix}` : `corepos-mm-${first.mix}-${first.quantity}`;
      promotions.push({
        id,
        name: nameOf(`Mix & match ${first.mix}: ${first.quantity} for ${money(first.groupMinor)}`),
        condition: { products: members.map((m) => m.code) },
        reward: { kind: "fixedPrice", buy: first.quantity, priceMinor: first.groupMinor },
      });
      continue;
    }
    const group = Math.abs(first.mix);
    const a = members.filter((m) => m.mix > 0);
    const b = members.filter((m) => m.mix < 0);
    if (a.length === 0 || b.length === 0) {
      for (const m of members) {
        skipped.push({
          line: m.line,
          code: m.code,
          reason: `pricemethod 3 group ${group} has no ${a.length === 0 ? "qualifying (A)" : "discounted (B)"} product; priced normally`,
        });
      }
      continue;
    }
    promotions.push({
      id: `corepos-ab-${group}`,
      name: nameOf(
        `Group ${group}: ${money(b[0]?.groupMinor ?? 0)} off with ${a.map((m) => m.name).join(", ")}`,
      ),
      condition: { products: a.map((m) => m.code) },
      reward: { kind: "amount", amountMinor: b[0]?.groupMinor ?? 0, products: b.map((m) => m.code) },
    });
  }
  // Each is a promotion POST /promotions accepts (a bad one is a bug here, not in the file).
  return {
    promotions: promotions.map((p) => promotionSchema.parse(p)),
    skipped: skipped.sort((x, y) => x.line - y.line),
  };
}
