/**
 * Every message of every language, shown on the status line and as a prompt's question at 80
 * columns: nothing is cut, a long one wraps (its words all on screen, in order).
 */
import { describe, expect, test } from "bun:test";
import { Box } from "ink";
import { render } from "ink-testing-library";
import { storeSettingsSchema } from "../../../src/core/settings.ts";
import { en, type MessageKey } from "../../../src/till/i18n/en.ts";
import { createTranslator, TILL_LANGUAGES } from "../../../src/till/i18n/index.ts";
import { buildKeymap } from "../../../src/till/keys/index.ts";
import { initialState } from "../../../src/till/state/initial.ts";
import type { TillState } from "../../../src/till/state/types.ts";
import { InputLine, MessageLine } from "../../../src/till/ui/bars.tsx";
import type { View } from "../../../src/till/ui/view.ts";
import { plain } from "../support/render-till.tsx";

const COLUMNS = 80;
const keymap = buildKeymap();

/** Long but real values for each parameter, so each message is as long as it gets in a shop. */
const SAMPLE: Record<string, string | number> = {
  name: "Organic whole milk 1l",
  code: "5012345678900",
  text: "12..50",
  detail: "no answer from /dev/ttyUSB0 after 3 s",
  path: "/var/lib/ringup/refused-sales/S1-T1-000123.json",
  reason: "the sale's total does not match its lines (off by 0.02)",
  receiptNo: "S1-T1-000123",
  title: "S1-T1-000123",
  minutes: 15,
  count: 12,
  tillId: "T1",
};

function params(text: string): Record<string, string | number> {
  const out: Record<string, string | number> = {};
  for (const [, name = ""] of text.matchAll(/\{([A-Za-z.]+)(?:\|[^}]*)?\}/g)) {
    if (name.endsWith("Minor")) out[name] = 1_234_567;
    else if (name.endsWith("Milli")) out[name] = 12_455;
    else out[name] = SAMPLE[name] ?? "some value";
  }
  return out;
}

const squeeze = (s: string) => s.replace(/\s+/g, " ").trim();

describe("messages at 80 columns", () => {
  for (const lang of TILL_LANGUAGES) {
    test(`every ${lang} message fits the status line and the prompt, wrapped when long`, () => {
      const t = createTranslator({ lang, currency: "EUR", keymap });
      const base = initialState("s");
      const viewOf = (state: TillState): View => ({
        state,
        t,
        keymap,
        settings: storeSettingsSchema.parse({ storeName: "Test Co-op" }),
        identity: { storeId: "S1", tillId: "T1" } as View["identity"],
        link: { online: true, pending: 0, rejected: 0, lastSyncAt: null, lastError: null },
        columns: COLUMNS,
      });
      const ui = render(<Box />);
      const cut: string[] = [];
      for (const key of Object.keys(en) as MessageKey[]) {
        const message = { key, params: params(en[key]) };
        const whole = squeeze(t.message(message));
        const status: TillState = { ...base, status: { tone: "error", message } };
        ui.rerender(
          <Box flexDirection="column" width={COLUMNS}>
            <MessageLine view={viewOf(status)} />
          </Box>,
        );
        const shown = plain(ui.lastFrame());
        if (!squeeze(shown).includes(whole) || shown.split("\n").some((r) => [...r].length > COLUMNS))
          cut.push(`status ${key}: ${shown}`);
        const asked: TillState = {
          ...base,
          screen: { kind: "sale" },
          input: "12,50",
          prompt: { kind: "confirm", question: message, confirmed: { type: "sale.void" } },
        };
        ui.rerender(
          <Box flexDirection="column" width={COLUMNS}>
            <InputLine view={viewOf(asked)} />
          </Box>,
        );
        const prompt = plain(ui.lastFrame());
        if (
          !squeeze(prompt).includes(`${whole}: 12,50▌`) ||
          prompt.split("\n").some((r) => [...r].length > COLUMNS)
        )
          cut.push(`prompt ${key}: ${prompt}`);
      }
      ui.unmount();
      expect(cut).toEqual([]);
    });
  }
});

describe("a long message on the whole screen", () => {
  test("the sale screen gives up rows to a wrapped message and still fits 80×24", async () => {
    const { fitsScreen, renderTill } = await import("../support/render-till.tsx");
    const till = await renderTill({ lang: "fr" });
    try {
      await till.login();
      till.scan("0001");
      await till.see("Milk");
      const message = { key: "error.scaleNotStable" as const, params: { detail: SAMPLE.detail ?? "" } };
      till.controller.dispatch({ type: "status.error", message });
      const whole = squeeze(till.controller.translator().message(message));
      await till.see("ttyUSB0");
      expect(squeeze(till.frame())).toContain(whole);
      expect(fitsScreen(till.frame(), till.size)).toBeNull();
    } finally {
      till.cleanup();
    }
  });
});

describe("key hints", () => {
  test("every screen's key hint fits one row of 80 columns in every language", () => {
    const long: string[] = [];
    for (const lang of TILL_LANGUAGES) {
      const t = createTranslator({ lang, currency: "EUR", keymap });
      for (const key of Object.keys(en) as MessageKey[]) {
        if (!key.endsWith(".hint")) continue;
        const text = t.t(key);
        if ([...text].length > COLUMNS) long.push(`${lang} ${key}: ${text}`);
      }
    }
    expect(long).toEqual([]);
  });
});

describe("the store's errors on screen", () => {
  test("a Russian till says the store's known errors in Russian", async () => {
    const { renderTill } = await import("../support/render-till.tsx");
    const { StoreRefusedError } = await import("../../../src/till/data/errors.ts");
    const till = await renderTill({ lang: "ru" });
    try {
      till.services.xReport = async () => {
        throw new StoreRefusedError(409, "NO_OPEN_SHIFT", "no shift is open on till T1: open one first");
      };
      await till.login();
      till.press("f9");
      till.write("7");
      await till.see("На этой кассе нет открытой смены");
      expect(till.frame()).not.toContain("no shift is open");
    } finally {
      till.cleanup();
    }
  });
});
