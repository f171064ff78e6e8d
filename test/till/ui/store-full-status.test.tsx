/**
 * The status bar while the store's disk is full: it says so in the cashier's language, with the
 * sales waiting to be sent, within 80 columns.
 */
import { describe, expect, test } from "bun:test";
import { Box } from "ink";
import { render } from "ink-testing-library";
import { storeSettingsSchema } from "../../../src/core/settings.ts";
import { createTranslator, TILL_LANGUAGES } from "../../../src/till/i18n/index.ts";
import { buildKeymap } from "../../../src/till/keys/index.ts";
import { initialState } from "../../../src/till/state/initial.ts";
import { StatusBar } from "../../../src/till/ui/bars.tsx";
import type { View } from "../../../src/till/ui/view.ts";
import { plain } from "../support/render-till.tsx";

const COLUMNS = 80;
const keymap = buildKeymap();

describe("the status bar when the store's disk is full", () => {
  for (const lang of TILL_LANGUAGES) {
    test(`says so in ${lang}, with the sales kept, in 80 columns`, () => {
      const t = createTranslator({ lang, currency: "EUR", keymap });
      const view: View = {
        state: initialState("s"),
        t,
        keymap,
        settings: storeSettingsSchema.parse({ storeName: "Co-op" }),
        identity: { storeId: "S1", tillId: "T1" } as View["identity"],
        link: { online: true, pending: 3, rejected: 0, lastSyncAt: null, lastError: "full", storeFull: true },
        columns: COLUMNS,
      };
      const ui = render(
        <Box width={COLUMNS}>
          <StatusBar view={view} clock="14:05" />
        </Box>,
      );
      const shown = plain(ui.lastFrame());
      expect(shown).toContain(t.t("status.storeFull"));
      expect(shown).toContain(t.t("status.pending", { count: 3 }));
      expect(shown).not.toContain(t.t("status.online"));
      for (const row of shown.split("\n")) expect([...row].length).toBeLessThanOrEqual(COLUMNS);
      ui.unmount();
    });
  }
});
