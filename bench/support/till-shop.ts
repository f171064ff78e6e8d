/**
 * A shop for the till benchmarks: a real store process with a cashier, brand-new tills on it,
 * and the codes a scanner sends for the CORE-POS sample's products.
 */
import { appendCheckDigit, priceCheckDigit } from "../../src/core/barcode.ts";
import { createTillServices, type TillDataServices } from "../../src/till/data/index.ts";
import { type StoreProcess, startStore } from "../../test/support/store-process.ts";
import type { DriverStep } from "./pty-driver.ts";

/** A US price label `2 IIIII P VVVV C`. */
function usPriceLabel(item: string, cents: number): string {
  const value = String(Math.min(9999, Math.max(1, cents))).padStart(4, "0");
  return appendCheckDigit(`2${item}${priceCheckDigit(value)}${value}`);
}

/** What a scanner (or the cashier) sends for a CORE-POS product code. */
export function scanned(code: string, unitPriceMinor: number | undefined, hasBarcode: boolean): string {
  // PLUs are typed; products the importer made up from the transaction log have no barcode.
  if (!/^\d{13}$/.test(code) || !hasBarcode) return code;
  if (code.startsWith("002") && code.endsWith("00000"))
    return usPriceLabel(code.slice(3, 8), unitPriceMinor ?? 199);
  const gtin14 = appendCheckDigit(code);
  return gtin14.startsWith("00") ? gtin14.slice(2) : gtin14.slice(1);
}

/**
 * A real store process with a cashier (PIN 1234) and T1's shift open, as in a shop: its work
 * does not share the till's event loop.
 */
export async function startShop(closers: (() => Promise<void>)[]): Promise<StoreProcess> {
  const store = await startStore();
  closers.push(() => store[Symbol.asyncDispose]());
  const res = await store.api("/api/v1/users", {
    method: "POST",
    body: JSON.stringify({ name: "Bench Cashier", role: "cashier", pin: "1234" }),
  });
  if (!res.ok) throw new Error(`bench: adding the cashier failed: ${res.status} ${await res.text()}`);
  await openShift(store);
  return store;
}

/**
 * Opens the bench tills' shifts (T1–T4 unless named), as a shop does in the morning: a log-in then goes straight to selling
 * instead of counting the float.
 */
export async function openShift(
  store: StoreProcess,
  tillIds: readonly string[] = ["T1", "T2", "T3", "T4"],
): Promise<void> {
  for (const tillId of tillIds) {
    const shift = await store.api("/api/v1/shifts", {
      method: "POST",
      body: JSON.stringify({ tillId, floatMinor: 10_000 }),
    });
    if (!shift.ok)
      throw new Error(`bench: opening ${tillId}'s shift failed: ${shift.status} ${await shift.text()}`);
  }
}

/** A brand-new till on `store` that syncs only when asked (its first log-in). */
export async function newTill(
  store: StoreProcess,
  dataDir: string,
  closers: (() => Promise<void>)[],
): Promise<TillDataServices> {
  const till = await createTillServices({
    server: store.url,
    tillId: "T1",
    dataDir,
    syncIntervalMs: 3_600_000,
  });
  closers.push(() => till.close());
  return till;
}

/**
 * A driven till's steps for `scans` scans into one sale on the two-product bench catalog
 * (BENCH1 apples, BENCH2 bread, alternately), after the log-in and the catalog's sync into
 * `dbFile`: each typed key by key and timed until its line shows.
 */
export function twoProductScans(dbFile: string, scans: number): DriverStep[] {
  const steps: DriverStep[] = [{ kind: "readyToScan", code: "BENCH1", name: "Bench apples", dbFile }];
  for (let n = 1; n <= scans; n++) {
    const [code, name] = n % 2 === 0 ? ["BENCH1", "Bench apples"] : ["BENCH2", "Bench bread"];
    steps.push({ kind: "scan", code, enter: "\r", marker: `${n} ${name}` });
  }
  return steps;
}
