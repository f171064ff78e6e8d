import { afterEach, describe, expect, test } from "bun:test";
import type { TillLanguage } from "../../../src/till/i18n/index.ts";
import { FakeServices } from "../support/fake-services.ts";
import { fitsScreen, renderTill, type Till, waitFor } from "../support/render-till.tsx";

let till: Till | undefined;
afterEach(() => {
  till?.cleanup();
  till = undefined;
});

type Step = (t: Till) => Promise<void>;

/** Every screen, reached the way a cashier reaches it, with what must be visible on it. */
const SCREENS: [string, Step, RegExp][] = [
  ["login", async () => {}, /PIN/],
  [
    "sale",
    async (t) => {
      await t.login();
      for (let i = 0; i < 30; i++) t.scan(i % 2 === 0 ? "0001" : "2*0003");
      await waitFor(() => t.controller.state.sale.lines.length === 30, "30 lines");
    },
    /30 .*Coffee beans/,
  ],
  [
    "payment",
    async (t) => {
      await t.login();
      t.scan("0003");
      t.press("f10");
      t.write("5");
      t.press("f7");
      await waitFor(() => t.controller.state.prompt?.kind === "cardConfirm", "the card question");
      t.press("enter");
      await waitFor(() => t.controller.state.sale.tenders.length === 1, "a tender");
    },
    /5[.,]00/,
  ],
  [
    "search",
    async (t) => {
      await t.login();
      t.press("f2");
      t.write("e");
      t.write("s");
    },
    /Apples|Coffee beans/,
  ],
  [
    "menu",
    async (t) => {
      await t.login();
      t.press("f9");
    },
    /8 /,
  ],
  [
    "help",
    async (t) => {
      await t.login();
      t.press("f1");
    },
    /F12/,
  ],
  [
    "receipt",
    async (t) => {
      await t.login();
      t.scan("0001");
      t.press("f10");
      t.press("enter");
      await waitFor(() => t.controller.state.lastSale !== null, "the sale");
      t.press("f11");
    },
    /S1-T1-000001/,
  ],
  [
    "shift close",
    async (t) => {
      await t.login();
      t.press("f9");
      t.write("8");
    },
    /100[.,]00/,
  ],
  [
    "shift open",
    async (t) => {
      await t.login();
      t.press("f9");
      t.write("a");
    },
    /Opening float/,
  ],
  [
    "shift close confirmation",
    async (t) => {
      await t.login();
      t.press("f9");
      t.write("8");
      // A menu takes no scan: the count is typed once the close screen is up.
      await waitFor(() => t.controller.state.screen.kind !== "menu", "the shift close screen");
      t.scan("1");
      t.press("f10");
    },
    /Difference\s+\$0\.00/,
  ],
  [
    "held",
    async (t) => {
      await t.login();
      t.scan("0001");
      t.press("f5");
      await waitFor(() => t.controller.state.sale.lines.length === 0, "the hold");
      t.press("f6");
    },
    /T1/,
  ],
  [
    "x report",
    async (t) => {
      await t.login();
      t.press("f9");
      t.write("7");
    },
    /salesCount/,
  ],
];

describe("layout", () => {
  for (const size of [
    { columns: 80, rows: 24 },
    { columns: 132, rows: 43 },
  ]) {
    for (const [name, reach, visible] of SCREENS) {
      test(`${name} fits ${size.columns}×${size.rows}`, async () => {
        till = await renderTill({ size });
        await reach(till);
        await till.see(visible);
        const frame = till.frame();
        expect(fitsScreen(frame, size)).toBeNull();
        const rows = frame.split("\n");
        // The status bar on top and the key bar at the bottom are both there.
        expect(rows[0]).toContain("Till T1");
        expect(rows.at(-1)).toMatch(/F1 /);
      });
    }
  }

  test("30 lines scroll: the newest line and the total stay in view", async () => {
    till = await renderTill();
    await SCREENS[1]?.[1](till);
    await till.see(/30 Coffee beans/);
    expect(till.frame()).not.toMatch(/^\s+1 Milk/m);
    expect(till.frame()).toContain("TOTAL");
    till.press("up");
    await waitFor(() => till?.controller.state.selectedLine === 29, "line 29 selected");
  });
});

describe("languages", () => {
  const expected: Record<TillLanguage, { login: string; sale: string; total: string; money: RegExp }> = {
    en: { login: "Type your PIN", sale: "Item", total: "TOTAL", money: /\$11\.97/ },
    ru: { login: "Введите ПИН", sale: "Товар", total: "ИТОГ", money: /11,97\s?\$/ },
    fr: { login: "Tapez votre code PIN", sale: "Article", total: "TOTAL", money: /11,97\s?\$/ },
    az: { login: "PIN kodunuzu yazın", sale: "Məhsul", total: "CƏMİ", money: /11,97/ },
  };
  for (const lang of ["en", "ru", "fr", "az"] as const) {
    test(`${lang}: every screen in the language, money by Intl, nothing cut off`, async () => {
      till = await renderTill({ lang, services: new FakeServices() });
      await till.see(expected[lang].login);
      await till.login();
      till.scan("0003");
      await till.see(expected[lang].sale);
      await till.see(expected[lang].total);
      expect(fitsScreen(till.frame(), till.size)).toBeNull();
      till.press("f10");
      await till.see(expected[lang].money);
      till.press("escape");
      till.press("f1");
      await till.see("F12");
      expect(fitsScreen(till.frame(), till.size)).toBeNull();
    });
  }
});
