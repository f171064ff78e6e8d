import { describe, expect, test } from "bun:test";
import { az } from "../../../src/till/i18n/az.ts";
import { en } from "../../../src/till/i18n/en.ts";
import { fr } from "../../../src/till/i18n/fr.ts";
import { createTranslator, TILL_LANGUAGES } from "../../../src/till/i18n/index.ts";
import { ru } from "../../../src/till/i18n/ru.ts";
import { buildKeymap } from "../../../src/till/keys/index.ts";

const keymap = buildKeymap();

describe("till languages", () => {
  test("every language has every string, with the same parameters", () => {
    for (const table of [ru, fr, az]) {
      for (const key of Object.keys(en) as (keyof typeof en)[]) {
        const value = table[key];
        expect(typeof value).toBe("string");
        // A plural's forms differ by language: only the parameter's name must match.
        const params = (s: string) => [...s.matchAll(/\{([^}|]+)[^}]*\}/g)].map((m) => m[1]).sort();
        expect({ key, params: params(value) }).toEqual({ key, params: params(en[key]) });
      }
    }
  });

  test("money and quantities follow the locale", () => {
    const en = createTranslator({ lang: "en", currency: "USD", keymap });
    expect(en.money(123450)).toBe("$1,234.50");
    expect(en.qty(455)).toBe("0.455");
    const fr = createTranslator({ lang: "fr", currency: "EUR", keymap });
    expect(fr.money(123450)).toBe("1 234,50 €");
    expect(fr.qty(455)).toBe("0,455");
    const ru = createTranslator({ lang: "ru", currency: "RUB", keymap });
    expect(ru.money(123450)).toBe("1 234,50 ₽");
    const az = createTranslator({ lang: "az", currency: "AZN", keymap });
    expect(az.money(123450)).toContain("1.234,50");
  });

  test("the store's locale is used when it speaks the till's language", () => {
    expect(createTranslator({ lang: "en", currency: "GBP", storeLocale: "en-GB", keymap }).locale).toBe(
      "en-GB",
    );
    expect(createTranslator({ lang: "fr", currency: "CHF", storeLocale: "de-CH", keymap }).locale).toBe(
      "fr-FR",
    );
  });

  test("messages fill in amounts and key names from the keymap", () => {
    for (const lang of TILL_LANGUAGES) {
      const t = createTranslator({ lang, currency: "USD", keymap });
      expect(t.message({ key: "ok.saleComplete", params: { changeMinor: 121 } })).toMatch(/1[.,]21/);
      expect(t.t("error.unknownCode", { code: "999" })).toContain("F2");
      expect(t.message({ text: "as is" })).toBe("as is");
    }
    const remapped = createTranslator({
      lang: "en",
      currency: "USD",
      keymap: buildKeymap({ "product.search": ["ctrl+f"] }),
    });
    expect(remapped.t("error.unknownCode", { code: "1" })).toContain("Ctrl+F");
  });

  test("counts take the language's plural forms", () => {
    const lines = (lang: (typeof TILL_LANGUAGES)[number], count: number) =>
      createTranslator({ lang, currency: "EUR", keymap }).t("sale.items", { count });
    expect([1, 2, 21].map((n) => lines("en", n))).toEqual(["1 line", "2 lines", "21 lines"]);
    expect([0, 1, 2].map((n) => lines("fr", n))).toEqual(["0 ligne", "1 ligne", "2 lignes"]);
    expect([1, 3, 5, 21, 11].map((n) => lines("ru", n))).toEqual([
      "1 строка",
      "3 строки",
      "5 строк",
      "21 строка",
      "11 строк",
    ]);
    expect([1, 5].map((n) => lines("az", n))).toEqual(["1 sətir", "5 sətir"]);
    const held = createTranslator({ lang: "en", currency: "EUR", keymap }).t("held.lines", { count: 1 });
    expect(held).toBe("1 line");
  });

  test("key labels are unambiguous: no two commands share a name, and resume never reads as refund", () => {
    for (const lang of TILL_LANGUAGES) {
      const t = createTranslator({ lang, currency: "EUR", keymap });
      const names = (Object.keys(en) as (keyof typeof en)[])
        .filter((key) => key.startsWith("cmd."))
        .map((key) => t.t(key).toLocaleLowerCase());
      expect({ lang, dupes: names.filter((n, i) => names.indexOf(n) !== i) }).toEqual({ lang, dupes: [] });
    }
    const ru = createTranslator({ lang: "ru", currency: "RUB", keymap });
    expect(ru.t("cmd.sale.resume")).not.toMatch(/верн|возвр/i);
  });
});
