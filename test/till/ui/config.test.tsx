import { afterEach, describe, expect, test } from "bun:test";
import { buildKeymap, parseKeymapOverrides } from "../../../src/till/keys/index.ts";
import { tillSettings } from "../../../src/till/main.ts";
import { renderTill, type Till } from "../support/render-till.tsx";

let till: Till | undefined;
afterEach(() => {
  till?.cleanup();
  till = undefined;
});

describe("till configuration", () => {
  test("idle lock and keymap come from the config, with clear refusals", () => {
    const settings = tillSettings({ idleLockSeconds: 60, keymap: { "sale.total": ["f10", "ctrl+t"] } });
    expect(settings.idleLockMs).toBe(60_000);
    expect(settings.keymap.commandFor("ctrl+t")).toBe("sale.total");
    expect(tillSettings({}).idleLockMs).toBe(300_000);
    expect(() => tillSettings({ idleLockSeconds: -1 })).toThrow(
      /idleLockSeconds: must be 0 \(never\) or more/,
    );
    expect(() => tillSettings({ keymap: { "sale.total": "f13" } })).toThrow(
      /"f13" \(for sale.total\) is not a key/,
    );
  });

  test("a remapped key works on screen and in the hints", async () => {
    till = await renderTill({ keymap: buildKeymap(parseKeymapOverrides({ "sale.total": ["ctrl+t"] })) });
    await till.login();
    till.scan("0001");
    await till.see("Milk 1l");
    await till.see("Ctrl+T Total");
    till.press("f10");
    till.write("\u0014"); // Ctrl+T
    await till.see("Payment");
  });
});
