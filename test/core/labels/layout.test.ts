import { describe, expect, test } from "bun:test";
import fc from "fast-check";
import {
  BUILT_IN_TEMPLATES,
  checkTemplateFits,
  type LabelTemplate,
  labelTemplateSchema,
  layoutLabel,
  unitPriceOf,
  wrapText,
} from "../../../src/core/labels/index.ts";
import { domainErrorOf } from "../expect-code.ts";

const data = {
  code: "4011",
  name: "Organic bananas from Ecuador, ripe",
  price: "$1.99",
  unitPrice: "$4.39 / kg",
  date: "2026-12-07",
  barcode: { symbology: "ean13" as const, data: "4006381333931" },
};

describe("label templates", () => {
  test("every built-in template fits its label at 203 and 300 dpi", () => {
    for (const template of BUILT_IN_TEMPLATES) {
      expect(() => checkTemplateFits(template, 8)).not.toThrow();
      expect(() => checkTemplateFits(template, 12)).not.toThrow();
    }
  });

  test("a field that runs off the label is refused, naming the template, the field and where it ends", () => {
    const template: LabelTemplate = labelTemplateSchema.parse({
      name: "tiny",
      widthMm: 30,
      heightMm: 20,
      fields: [
        { field: "name", xMm: 1, yMm: 1, maxChars: 10 },
        { field: "price", xMm: 10, yMm: 8, size: 2, maxChars: 8 },
      ],
    });
    const error = domainErrorOf(() => checkTemplateFits(template, 8));
    expect(error.code).toBe("LABEL_FIELD_DOES_NOT_FIT");
    expect(error.message).toContain('template "tiny": field 2 (price)');
    expect(error.message).toContain("ends 34.0 mm across, but the label is 30 mm wide");
    expect(error.details).toMatchObject({ template: "tiny", field: "price", index: 1 });
  });

  test("a barcode too tall for the label is refused by its height", () => {
    const template = labelTemplateSchema.parse({
      name: "short",
      widthMm: 60,
      heightMm: 15,
      fields: [{ field: "barcode", xMm: 1, yMm: 2, heightMm: 12 }],
    });
    expect(domainErrorOf(() => checkTemplateFits(template, 8)).message).toContain(
      "field 1 (barcode) ends 17.0 mm down, but the label is 15 mm high",
    );
  });

  test("a price longer than its field is refused, never cut", () => {
    const [template] = BUILT_IN_TEMPLATES;
    if (template === undefined) throw new Error("no template");
    const error = domainErrorOf(() => layoutLabel(template, 8, { ...data, price: "$1,234,567.89" }));
    expect(error.code).toBe("LABEL_FIELD_DOES_NOT_FIT");
    expect(error.message).toContain('(price): "$1,234,567.89" for product 4011 has 13 characters');
  });

  test("a Code 128 barcode wider than the label is refused for that product", () => {
    const template = labelTemplateSchema.parse({
      name: "narrow",
      widthMm: 40,
      heightMm: 30,
      fields: [{ field: "barcode", xMm: 1, yMm: 1, moduleDots: 1 }],
    });
    const error = domainErrorOf(() =>
      layoutLabel(template, 8, {
        ...data,
        barcode: { symbology: "code128", data: "ABCDEFGHIJKLMNOPQRSTUVWXYZ" },
      }),
    );
    expect(error.message).toContain("field 1 (barcode) for product 4011 ends");
  });

  test("the layout places each field in dots and wraps the name", () => {
    const [template] = BUILT_IN_TEMPLATES;
    if (template === undefined) throw new Error("no template");
    const layout = layoutLabel(template, 8, data);
    expect(layout.widthDots).toBe(464);
    expect(layout.heightDots).toBe(320);
    const texts = layout.elements.flatMap((e) =>
      e.kind === "text" ? [[e.field, e.text, e.xDots, e.yDots]] : [],
    );
    expect(texts).toContainEqual(["name", "Organic bananas", 16, 16]);
    expect(texts).toContainEqual(["name", "from Ecuador, ripe", 16, 40]);
    expect(texts).toContainEqual(["price", "$1.99", 16, 72]);
    expect(layout.elements.find((e) => e.kind === "barcode")).toMatchObject({
      xDots: 16,
      yDots: 136,
      heightDots: 80,
      moduleDots: 2,
      barcode: { symbology: "ean13", data: "4006381333931" },
    });
  });

  test("wrapping never loses the lines' width and marks a cut with an ellipsis", () => {
    expect(wrapText("a very long product name indeed", 10, 2)).toEqual(["a very", "long prod…"]);
    fc.assert(
      fc.property(
        fc.string({ maxLength: 80 }),
        fc.integer({ min: 2, max: 30 }),
        fc.integer({ min: 1, max: 4 }),
        (text, width, lines) => {
          const out = wrapText(text, width, lines);
          return out.length <= lines && out.every((line) => line.length <= width);
        },
      ),
    );
  });
});

describe("unit prices", () => {
  test("per kg and per litre products show their own price; a product by the pound shows it per kg exactly", () => {
    expect(unitPriceOf({ priceMinor: 439, unit: "kg" })).toEqual({ minor: 439, per: "kg" });
    expect(unitPriceOf({ priceMinor: 129, unit: "l" })).toEqual({ minor: 129, per: "l" });
    // 1.99 / 0.45359237 = 4.38720… → 4.39
    expect(unitPriceOf({ priceMinor: 199, unit: "lb" })).toEqual({ minor: 439, per: "kg" });
    expect(unitPriceOf({ priceMinor: 199, unit: "each" })).toBeUndefined();
  });

  test("the per-kg price of a pound price is the exact quotient rounded half-up", () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 100_000_000 }), (priceMinor) => {
        const kg = unitPriceOf({ priceMinor, unit: "lb" })?.minor ?? -1;
        // |kg × 0.45359237 − price| ≤ 0.5 × 0.45359237 (half a minor unit per kg, in pounds)
        const diff = Math.abs(kg * 45_359_237 - priceMinor * 100_000_000);
        return diff * 2 <= 45_359_237;
      }),
    );
  });
});
