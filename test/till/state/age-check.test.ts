import { describe, expect, test } from "bun:test";
import type { TillProduct } from "../../../src/till/services.ts";
import { Driver, testEnv } from "../support/state-env.ts";

const ALE: TillProduct = {
  code: "ALE",
  name: "Pale ale",
  priceMinor: 299,
  taxClass: null,
  department: "14",
  soldByWeight: false,
  openPrice: false,
  unit: "each",
  minAge: 21,
};
const CIGARS: TillProduct = { ...ALE, code: "CIG", name: "Cigars", minAge: 18 };
const WHISKY: TillProduct = { ...ALE, code: "WSK", name: "Whisky", minAge: 25 };

function scan(d: Driver, product: TillProduct): Driver {
  return d.send({ type: "lookup.ok", lookup: { product }, qtyMilli: null });
}

function traces(d: Driver) {
  return d.effects.flatMap((e) => (e.type === "trace" ? [e.entry] : []));
}

// testEnv's now is 2026-11-23T12:00:00Z.
describe("age-restricted items", () => {
  test("asks; a refusal adds nothing and is journaled", () => {
    const d = scan(new Driver(), ALE);
    expect(d.state.prompt).toMatchObject({ kind: "age", minAge: 21 });
    expect(d.state.sale.lines).toEqual([]);
    d.enter("n");
    expect(d.state.prompt).toBeNull();
    expect(d.state.sale.lines).toEqual([]);
    expect(d.statusKey).toBe("info.ageRefused");
    expect(traces(d)).toEqual([
      {
        action: "age.checked",
        detail: { code: "ALE", minAge: 21, method: "refused", result: "refused", saleId: d.state.sale.id },
      },
    ]);
  });

  test("Esc refuses too", () => {
    const d = scan(new Driver(), ALE).key("back");
    expect(d.state.prompt).toBeNull();
    expect(d.state.sale.lines).toEqual([]);
    expect(traces(d)[0]?.detail).toMatchObject({ result: "refused" });
  });

  test("Y confirms; the same or a lower age is not asked again in the sale, a higher one is", () => {
    const d = scan(new Driver(), ALE).enter("y");
    expect(d.state.sale.lines.map((l) => l.code)).toEqual(["ALE"]);
    expect(traces(d)).toEqual([
      {
        action: "age.checked",
        detail: { code: "ALE", minAge: 21, method: "confirmed", result: "over", saleId: d.state.sale.id },
      },
    ]);
    scan(d, ALE);
    scan(d, CIGARS);
    expect(d.state.prompt).toBeNull();
    expect(d.state.sale.lines.map((l) => l.code)).toEqual(["ALE", "ALE", "CIG"]);
    scan(d, WHISKY);
    expect(d.state.prompt).toMatchObject({ kind: "age", minAge: 25 });
  });

  test("a date of birth is checked against today in the store's time zone, and never journaled", () => {
    // 2026-11-23 12:00 UTC is still 2026-11-23 in New York: born 24 Nov 2005 is 20.
    const env = testEnv({ timeZone: "America/New_York", locale: "en-US" });
    const d = scan(new Driver(env), ALE).enter("11242005");
    expect(d.state.sale.lines).toEqual([]);
    expect(d.statusKey).toBe("info.ageUnder");
    expect(traces(d)[0]?.detail).toEqual({
      code: "ALE",
      minAge: 21,
      method: "dob",
      result: "under",
      saleId: d.state.sale.id,
    });
    scan(d, ALE).enter("11232005");
    expect(d.state.sale.lines.map((l) => l.code)).toEqual(["ALE"]);
    expect(traces(d)[1]?.detail).toEqual({
      code: "ALE",
      minAge: 21,
      method: "dob",
      result: "over",
      saleId: d.state.sale.id,
    });
    expect(JSON.stringify(traces(d))).not.toContain("2005");
  });

  test("day first where the locale writes it so; a date that is no date is asked again", () => {
    const d = scan(new Driver(testEnv({ locale: "fr-FR" })), ALE).enter("31022000");
    expect(d.statusKey).toBe("error.badDob");
    expect(d.state.prompt).toMatchObject({ kind: "age" });
    d.send({ type: "input.clear" }).enter("23.11.2005");
    expect(d.state.sale.lines.map((l) => l.code)).toEqual(["ALE"]);
  });

  test("a scan does not answer the question", () => {
    const d = scan(new Driver(), ALE).send({ type: "input.scanned", text: "0001" });
    expect(d.state.prompt).toMatchObject({ kind: "age" });
    expect(d.state.input).toBe("");
    expect(d.statusKey).toBe("error.scanInQuestion");
    expect(d.state.sale.lines).toEqual([]);
  });

  test("a new sale asks again", () => {
    const d = scan(new Driver(), ALE).enter("y");
    d.send({
      type: "sale.completed",
      last: {
        saleId: "s1",
        receiptNo: "R1",
        totalMinor: 299,
        changeMinor: 0,
        receiptText: "",
        printed: false,
        copyUrl: null,
      },
    });
    scan(d, ALE);
    expect(d.state.prompt).toMatchObject({ kind: "age" });
  });
});
