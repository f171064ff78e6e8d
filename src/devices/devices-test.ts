/**
 * `ringup devices test`: the sysadmin's first command on a new kiosk. Prints a test receipt,
 * opens the drawer, reads the scale and shows a line on the customer display, and says plainly
 * what worked and what to check.
 */
import { buildReceipt, type ReceiptDoc } from "../core/receipt.ts";
import { receiptLabels, receiptLanguage } from "../core/receipt-labels.ts";
import { center } from "./display/display-text.ts";
import { openDisplay } from "./display/open-display.ts";
import { printerDrawer } from "./drawer/cash-drawer.ts";
import { describeError } from "./errors.ts";
import { openPrinter } from "./printer/open-printer.ts";
import type { ReceiptPrinter } from "./printer/printer.ts";
import { openScale } from "./scale/open-scale.ts";
import { describeReading } from "./scale/scale.ts";

export interface DevicesTestOptions {
  printer?: string | undefined;
  scale?: string | undefined;
  display?: string | undefined;
  /** Open the cash drawer through the printer. */
  drawer?: boolean | undefined;
  /** Language of the test receipt and display line (en, ru, fr, az or a locale). */
  locale?: string | undefined;
  /** How long each device may take to answer (ms); default 10 s for the printer, 3 s otherwise. */
  timeoutMs?: number | undefined;
}

export interface DeviceTestResult {
  device: string;
  ok: boolean;
  detail: string;
}

const CURRENCY: Record<string, string> = { en: "USD", ru: "RUB", fr: "EUR", az: "AZN" };

/** A small receipt in the given language, exercising its letters and the code page. */
export function testReceipt(locale: string, now = new Date()): ReceiptDoc {
  const labels = receiptLabels(locale);
  return buildReceipt({
    saleId: crypto.randomUUID(),
    receiptNo: "TEST",
    at: now.toISOString(),
    currency: CURRENCY[receiptLanguage(locale)] ?? "USD",
    locale,
    store: { name: "Ringup", addressLines: [labels.testReceipt] },
    lines: [{ code: "TEST", name: labels.testLine, qtyMilli: 1000, unitPriceMinor: 100, totalMinor: 100 }],
    subtotalMinor: 100,
    totalMinor: 100,
    tenders: [{ type: "cash", amountMinor: 100 }],
    footerLines: ["ÀÉÎÕÜ çğış ДЖЯ"],
  });
}

async function testPrinter(
  uri: string,
  options: DevicesTestOptions,
  locale: string,
  record: (result: DeviceTestResult) => void,
): Promise<void> {
  let printer: ReceiptPrinter;
  try {
    printer = openPrinter(uri, { retryMinMs: 60_000 });
  } catch (error) {
    record({ device: "printer", ok: false, detail: describeError(error) });
    if (options.drawer)
      record({ device: "drawer", ok: false, detail: "not tried: the printer URI is not usable" });
    return;
  }
  try {
    const status = await printer.status();
    const job = printer.print(testReceipt(locale));
    const settled = await printer.settled(job.id, options.timeoutMs ?? 10_000);
    if (settled.state === "printed") {
      const condition = status.status === undefined ? "" : `; ${status.detail}`;
      record({
        device: "printer",
        ok: true,
        detail: `printed a test receipt on ${printer.description}${condition}`,
      });
    } else {
      printer.cancel(job.id);
      record({
        device: "printer",
        ok: false,
        detail: settled.lastError ?? `no answer from ${printer.description}`,
      });
    }
    if (options.drawer) {
      const opening = await printerDrawer(printer).open("test");
      record({
        device: "drawer",
        ok: opening.ok,
        detail: opening.ok
          ? "sent the drawer kick (ESC p) through the printer: the drawer should be open"
          : (opening.detail ?? ""),
      });
    }
  } finally {
    await printer.close();
  }
}

async function testScale(
  uri: string,
  options: DevicesTestOptions,
  record: (result: DeviceTestResult) => void,
): Promise<void> {
  try {
    const scale = openScale(uri);
    try {
      const reading = await scale.readStable({ timeoutMs: options.timeoutMs ?? 3000 });
      const ok = reading.status !== "no-answer" && reading.status !== "error";
      record({
        device: "scale",
        ok,
        detail: ok ? `${scale.description}: ${describeReading(reading)}` : describeReading(reading),
      });
    } finally {
      await scale.close();
    }
  } catch (error) {
    record({ device: "scale", ok: false, detail: describeError(error) });
  }
}

async function testDisplay(
  uri: string,
  locale: string,
  record: (result: DeviceTestResult) => void,
): Promise<void> {
  try {
    const display = openDisplay(uri, { locale });
    try {
      const lines: [string, string] = [center("Ringup"), center(receiptLabels(locale).testReceipt)];
      const result = await display.show(lines);
      record(
        result.ok
          ? {
              device: "display",
              ok: true,
              detail: `sent "${lines[0].trim()} / ${lines[1].trim()}" to ${display.description}: check that it shows`,
            }
          : { device: "display", ok: false, detail: result.detail },
      );
    } finally {
      await display.close();
    }
  } catch (error) {
    record({ device: "display", ok: false, detail: describeError(error) });
  }
}

export async function runDevicesTest(
  options: DevicesTestOptions,
  out: (line: string) => void,
): Promise<{ ok: boolean; results: DeviceTestResult[] }> {
  const locale = options.locale ?? "en";
  const results: DeviceTestResult[] = [];
  const record = (result: DeviceTestResult): void => {
    results.push(result);
    out(`${result.ok ? "OK  " : "FAIL"} ${result.device.padEnd(8)} ${result.detail}`);
  };
  if (!options.printer && !options.scale && !options.display && !options.drawer) {
    out("No devices to test: pass --printer URI, --scale URI, --display URI and/or --drawer.");
    return { ok: false, results };
  }
  if (options.printer) await testPrinter(options.printer, options, locale, record);
  else if (options.drawer)
    record({
      device: "drawer",
      ok: false,
      detail: "the drawer opens through the printer: pass --printer too",
    });
  if (options.scale) await testScale(options.scale, options, record);
  if (options.display) await testDisplay(options.display, locale, record);
  const failed = results.filter((result) => !result.ok).length;
  out(
    failed === 0
      ? "All devices answered."
      : `${failed} of ${results.length} device checks failed: see above.`,
  );
  return { ok: failed === 0, results };
}
