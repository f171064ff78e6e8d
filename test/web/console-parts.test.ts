/** The console's pieces that stand alone: escaping, CSV, the four languages, charts. */
import { expect, test } from "bun:test";
import { barChart, columnChart } from "../../src/shared/web/charts.ts";
import { toCsv } from "../../src/shared/web/csv.ts";
import { html } from "../../src/shared/web/html.ts";
import { az } from "../../src/shared/web/i18n/az.ts";
import { en } from "../../src/shared/web/i18n/en.ts";
import { fr } from "../../src/shared/web/i18n/fr.ts";
import { translator } from "../../src/shared/web/i18n/index.ts";
import { ru } from "../../src/shared/web/i18n/ru.ts";
import { createTestHq } from "../support/hq-app.ts";

test("values are escaped; nested fragments are kept", () => {
  const name = `<script>alert("x")</script>&'`;
  expect(html`<td>${name}</td>`.text).toBe(
    "<td>&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt;&amp;&#39;</td>",
  );
  expect(html`<tr>${[html`<td>${1}</td>`, html`<td>${null}</td>`]}</tr>`.text).toBe(
    "<tr><td>1</td><td></td></tr>",
  );
});

test("CSV quotes what needs it and never hands a spreadsheet a formula", () => {
  expect(toCsv([["a,b", 'say "hi"', "=SUM(A1)", "-1", 5, null]])).toBe(
    `"a,b","say ""hi""",'=SUM(A1),'-1,5,\r\n`,
  );
});

test("every language has every message, with the same placeholders", () => {
  const placeholders = (text: string) => [...text.matchAll(/\{(\w+)\}/g)].map((m) => m[1]).sort();
  for (const messages of [fr, ru, az]) {
    expect(Object.keys(messages).sort()).toEqual(Object.keys(en).sort());
    for (const [key, text] of Object.entries(en)) {
      expect(placeholders(messages[key as keyof typeof en])).toEqual(placeholders(text));
    }
  }
  expect(translator("fr")("catalog.saved", { code: "A1", price: "2,00 €" })).toBe(
    "Prix de A1 fixé à 2,00 €.",
  );
});

test("charts scale to the largest value and carry every label", () => {
  const bars = [
    { label: "S1", value: 50, text: "0.50" },
    { label: "S2", value: 100, text: "1.00" },
  ];
  const svg = barChart(bars).text;
  expect(svg).toContain(">S1<");
  expect(svg).toContain('width="410"');
  expect(svg).toContain('width="205"');
  expect(columnChart(bars).text.match(/<rect/g)?.length).toBe(2);
});

test("a refusal is said in the reader's language", async () => {
  using hq = createTestHq();
  const res = await hq.app.handle(
    new Request("http://localhost/console/sign-in", {
      method: "POST",
      headers: { "content-type": "application/x-www-form-urlencoded", cookie: "ringup_lang=fr" },
      body: "token=rgh_wrong",
    }),
  );
  expect(res.status).toBe(401);
  const page = await res.text();
  expect(page).toContain("Ce jeton n&#39;est pas valide");
  expect(page).toContain('<html lang="fr">');
});
