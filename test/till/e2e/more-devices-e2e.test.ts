/**
 * The compiled till with more devices, in an 80×24 tmux pane against a real store: two serial
 * scanners on pseudo-terminals (`--scanner`, `--scanner2`), two card terminals (`--payment` off,
 * `--payment2` on), a scanner-scale (`--scanner-scale`), a pole display on a pseudo-terminal
 * (`--display`) and a network receipt printer. The store prints a Code 128 of the receipt number
 * (`[receipt] barcode = true`): the printer receives it as GS k, and the same code scanned on the
 * returns screen finds the sale.
 */
import { afterAll, beforeAll, describe, expect, test } from "bun:test";
import { writeFile } from "node:fs/promises";
import { join } from "node:path";
import { PoleDisplay } from "../../devices/support/pole-display.ts";
import { PtyPair } from "../../devices/support/pty-pair.ts";
import { SerialDevice } from "../../devices/support/serial-device.ts";
import { waitFor } from "../../replication/support/wait.ts";
import { type StoreProcess, seedProducts } from "../../support/store-process.ts";
import { PrintingTill } from "../support/printing-till.ts";
import { tillMeta } from "../support/till-at-store.ts";
import { haveTmux, type TmuxSession } from "../support/tmux.ts";

if (!haveTmux()) console.warn("more devices end-to-end test skipped: tmux is not installed");

const LINE = { baudRate: 9600, dataBits: 8, parity: "none", stopBits: 1 } as const;

interface StoreSale {
  receiptNo: string;
  tenders: { type: string; amountMinor: number; ref?: string }[];
}

describe.if(haveTmux())(
  "the compiled till with two scanners, two terminals, a scanner-scale and a display",
  () => {
    let fixture: PrintingTill;
    let store: StoreProcess;
    let till: TmuxSession;
    const pairs: PtyPair[] = [];
    const devices: SerialDevice[] = [];
    let display: PoleDisplay;

    beforeAll(async () => {
      for (let i = 0; i < 2; i++) pairs.push(await PtyPair.start());
      const [p1, p2] = pairs as [PtyPair, PtyPair];
      devices.push(await new SerialDevice(p1.device, LINE).ready());
      devices.push(await new SerialDevice(p2.device, LINE).ready());
      display = await PoleDisplay.start();
      fixture = await PrintingTill.start(
        async (dir) => {
          const config = join(dir, "store.toml");
          await writeFile(config, "[receipt]\nbarcode = true\n");
          return { storeId: "S1", args: ["--config", config] };
        },
        async (store) => {
          await seedProducts(store, [
            { code: "MILK", name: "Milk 1l", priceMinor: 350, taxClass: null },
            { code: "BREAD", name: "Rye bread", priceMinor: 420, taxClass: null },
            { code: "COFFEE", name: "Coffee beans", priceMinor: 1_099, taxClass: null },
            {
              code: "APPLES",
              name: "Apples",
              priceMinor: 300,
              taxClass: null,
              soldByWeight: true,
              unit: "kg",
            },
          ]);
          const res = await store.api("/api/v1/messages", {
            method: "POST",
            body: JSON.stringify({
              id: "coffee-recipe",
              when: { event: "scan", code: "COFFEE" },
              display: "Fresh {item}: recipe inside!",
            }),
          });
          if (!res.ok) throw new Error(`the message was refused: ${res.status} ${await res.text()}`);
        },
        [
          "--scanner",
          `serial:${p1.host}?reconnectMs=25`,
          "--scanner2",
          `serial:${p2.host}?reconnectMs=25`,
          "--payment",
          "sim:?outcome=error",
          "--payment2",
          "sim:",
          "--scanner-scale",
          "sim:?weight=0.500",
          "--display",
          display.uri,
        ],
      );
      store = fixture.storeProcess;
      till = fixture.tmux;
      await waitFor(
        () => tillMeta(join(fixture.dir, "till"), "promotions").includes("coffee-recipe"),
        "the message at the till",
      );
    }, 120_000);

    afterAll(async () => {
      await fixture?.[Symbol.asyncDispose]();
      for (const device of devices) await device[Symbol.asyncDispose]();
      for (const pair of pairs) await pair[Symbol.asyncDispose]();
      await display?.[Symbol.asyncDispose]();
    });

    /**
     * A code from a scanner's end of its line, sent again only if the till has shown nothing of it
     * for a long while (a line opened late); a slow screen is waited for, never scanned twice.
     */
    async function scan(device: SerialDevice | undefined, code: string, expect: string): Promise<void> {
      if (device === undefined) throw new Error("no such scanner");
      const deadline = Date.now() + 25_000;
      for (;;) {
        await device.send(new TextEncoder().encode(`${code}\r`));
        try {
          await till.waitFor(expect, `${code} from the scanner`, 10_000);
          return;
        } catch (err) {
          if (Date.now() > deadline) throw err;
        }
      }
    }

    async function storeSales(): Promise<StoreSale[]> {
      const from = new Date(Date.now() - 86_400_000).toISOString();
      const to = new Date(Date.now() + 86_400_000).toISOString();
      const res = await store.api(`/api/v1/sales?from=${from}&to=${to}&limit=10`);
      return ((await res.json()) as { sales: StoreSale[] }).sales;
    }

    test("both scanners ring; the second terminal takes the card, the first is never asked", async () => {
      await scan(devices[0], "MILK", "Milk 1l");
      await scan(devices[1], "BREAD", "Rye bread");
      await scan(devices[0], "APPLES", "Apples");
      // The scanner-scale's 0.500 kg: 1.50 at 3.00/kg (in the card total below as well).
      await till.waitFor(/Apples.*1\.50/, "the weight from the scanner-scale");
      await scan(devices[1], "COFFEE", "Coffee beans");
      await waitFor(
        () => display.screen().join("") === "Fresh Coffee beans: recipe inside!".padEnd(40) || null,
        "the message on the customer display",
      ).catch((err) => {
        throw new Error(`${String(err)}: the display shows ${JSON.stringify(display.screen())}`);
      });
      await till.keys("F10");
      await till.waitFor("Payment", "the payment screen");
      await till.keys("C-z");
      const [sale] = await waitFor(async () => {
        const sales = await storeSales();
        return sales.length === 1 ? sales : null;
      }, "the store to record the card sale");
      // The first terminal is off: had it been asked, the card would have failed and nothing been paid.
      expect(sale?.tenders).toEqual([{ type: "card", amountMinor: 350 + 420 + 150 + 1_099, ref: "000001" }]);
      expect(await till.screen()).not.toContain("Card payment failed");

      const receipt = await waitFor(() => {
        const job = fixture.decoded().find((j) => j.commands.some((c) => c.op === "barcode"));
        return job ?? null;
      }, "the receipt with its barcode");
      expect(receipt.commands.filter((c) => c.op === "barcode")).toEqual([
        { op: "barcode", type: 73, data: sale?.receiptNo ?? "" },
      ]);
      expect(receipt.commands.filter((c) => c.op === "qr")).toEqual([]);

      await till.keys("F9");
      await till.type("1");
      await till.waitFor("Receipt number", "the returns prompt");
      await scan(devices[1], sale?.receiptNo ?? "", `Sale ${sale?.receiptNo}`);
      expect(await till.screen()).toContain("Rye bread");
    }, 90_000);

    test("the first terminal switched off fails the card; the second still takes it", async () => {
      // Esc leaves the sale found, then the returns screen.
      await waitFor(
        async () => {
          if (!/^\s*Return\s*$/m.test(await till.screen())) return true;
          await till.keys("Escape");
          return null;
        },
        "the sale screen",
        10_000,
        300,
      );
      await scan(devices[0], "MILK", "Milk 1l");
      await till.keys("F10");
      await till.waitFor("Payment", "the payment screen");
      await till.keys("F7");
      await till.waitFor("Card payment failed", "the first terminal's failure");
      expect((await storeSales()).length).toBe(1);
      await till.keys("C-z");
      const sales = await waitFor(async () => {
        const all = await storeSales();
        return all.length === 2 ? all : null;
      }, "the store to record the second card sale");
      // The second terminal's second approval: the same terminal took both cards.
      expect(sales.map((s) => s.tenders)).toContainEqual([{ type: "card", amountMinor: 350, ref: "000002" }]);
    }, 60_000);
  },
);
