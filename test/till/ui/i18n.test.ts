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
        const params = (s: string) => [...s.matchAll(/\{[^}]+\}/g)].map((m) => m[0]).sort();
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
});
