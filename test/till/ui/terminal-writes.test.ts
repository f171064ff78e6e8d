/**
 * What the till writes to its terminal after a scan, mounted as `ringup till` mounts it: the
 * rows that changed, each whole from its first column, and not the rest of the screen (a whole
 * frame is about 2 KB at 80×24, erased and drawn again). What the screen then shows on a real
 * terminal is checked end to end in tmux (test/till/e2e).
 */
import { afterEach, describe, expect, test } from "bun:test";
import { TillController } from "../../../src/till/app/controller.ts";
import { buildKeymap } from "../../../src/till/keys/keymap.ts";
import { FakeServices } from "../support/fake-services.ts";
import { mountOnFakeTerminal } from "../support/fake-terminal.ts";
import { waitFor } from "../support/render-till.tsx";

/** Erase to the end of the line: what starts each row written. */
const ERASE_LINE = "\u001b[K";

let cleanup: (() => void) | undefined;
afterEach(() => {
  cleanup?.();
  cleanup = undefined;
});

async function mounted() {
  const controller = new TillController({ services: new FakeServices(), keymap: buildKeymap(), lang: "en" });
  const { instance, stdin, written, clear } = mountOnFakeTerminal(controller);
  cleanup = () => {
    instance.unmount();
    controller.dispose();
  };
  await waitFor(() => written().includes("PIN"), "the log-in screen");
  stdin.send("1234\r");
  await waitFor(() => written().includes("Hello"), "the sale screen");
  /** Scans `code` and answers what the till wrote until `marker` was on the terminal. */
  const scan = async (code: string, marker: string): Promise<string> => {
    clear();
    stdin.send(`${code}\r`);
    await waitFor(() => written().includes(marker), marker);
    // The frame of a scan is written at once, in one piece: nothing follows it.
    await Bun.sleep(50);
    return written();
  };
  return { scan };
}

/** The rows a write puts on the screen, each as written after its erase. */
const rowsOf = (write: string) =>
  write
    .split(ERASE_LINE)
    .slice(1)
    .map((row) => row.split("\n")[0] ?? "");

describe("the till's terminal writes", () => {
  test("a scan writes the rows it changed, each whole, and not the status or key bars", async () => {
    const till = await mounted();
    await till.scan("0001", "1 Milk 1l");
    const write = await till.scan("0002", "2 Bread");
    const rows = rowsOf(write);
    // The new line from its first column, and the three rows of the total: nothing else moved.
    expect(rows.some((row) => row.startsWith("  2 Bread") && row.endsWith("2.50"))).toBe(true);
    expect(rows.some((row) => row.includes("Subtotal 3.79"))).toBe(true);
    expect(rows).toHaveLength(4);
    expect(write).not.toContain("Test Co-op");
    expect(write).not.toContain("F1 Help");
    expect(write.length).toBeLessThan(1_200);
  });

  test("once the lines scroll, every row that moved is written whole", async () => {
    const till = await mounted();
    const items = [
      ["0001", "Milk 1l"],
      ["0002", "Bread"],
      ["0003", "Coffee beans"],
    ] as const;
    let write = "";
    for (let n = 1; n <= 30; n++) {
      const [code, name] = items[n % 3] ?? items[0];
      write = await till.scan(code, `${n} ${name}`);
    }
    const rows = rowsOf(write);
    // Each row of the list shows the line below the one it showed: all of them are written,
    // numbers and names whole, though the rows before and after share their first characters.
    for (let n = 20; n <= 30; n++) {
      const [, name] = items[n % 3] ?? items[0];
      expect(rows.some((row) => row.includes(` ${n} ${name}`))).toBe(true);
    }
  });
});
