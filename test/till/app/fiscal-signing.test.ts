/**
 * The till signs each sale with the signature device: the transaction starts at the first line,
 * each change of the lines updates it, completion finishes it; the receipt carries the counters
 * and a QR code of the signature. A device that fails leaves the sale unsigned and marked, within
 * the deadline.
 */
import { afterEach, beforeEach, describe, expect, test } from "bun:test";
import { createPublicKey, verify } from "node:crypto";
import { parseFiscalQr, signedMessage } from "../../../src/core/fiscal-signature.ts";
import { buildReceipt } from "../../../src/core/receipt.ts";
import { layoutReceipt, renderReceiptText } from "../../../src/core/receipt-layout.ts";
import { TcpSignatureDevice } from "../../../src/devices/signature/signature-device.ts";
import { SimulatedSignatureDevice } from "../../../src/devices/signature/simulated-signature-device.ts";
import { SaleSigner } from "../../../src/till/app/fiscal-signing.ts";
import { initialState } from "../../../src/till/state/initial.ts";
import type { SaleLine, TillState } from "../../../src/till/state/types.ts";

let sim: SimulatedSignatureDevice;
let uri: string;
beforeEach(async () => {
  sim = new SimulatedSignatureDevice();
  uri = `${await sim.listen()}?timeoutMs=300`;
});
afterEach(() => sim.close());

function line(id: number, code: string, unitPriceMinor: number): SaleLine {
  return {
    id,
    code,
    name: code,
    unit: "each",
    qtyMilli: 1000,
    unitPriceMinor,
    priceGiven: false,
    taxClass: null,
    soldByWeight: false,
  };
}

function withLines(state: TillState, lines: SaleLine[]): TillState {
  return { ...state, sale: { ...state.sale, lines } };
}

const figures = {
  receiptNo: "S1-T1-1",
  totalMinor: 550,
  currency: "EUR",
  tenders: [{ type: "cash", amountMinor: 550 }],
};

function receiptWith(fiscal: unknown) {
  return buildReceipt({
    saleId: "0190a000-0000-7000-8000-000000000001",
    receiptNo: "S1-T1-1",
    at: "2026-03-02T15:00:00Z",
    currency: "EUR",
    store: { name: "Co-op" },
    lines: [{ code: "BREAD", name: "Bread", qtyMilli: 1000, unitPriceMinor: 550, totalMinor: 550 }],
    subtotalMinor: 550,
    totalMinor: 550,
    fiscal,
  });
}

describe("signing sales at the till", () => {
  test("a sale is started at its first line, updated, finished and printed as a QR code", async () => {
    const signer = new SaleSigner(new TcpSignatureDevice(uri));
    const state = initialState("0190a000-0000-7000-8000-000000000001");
    signer.observe(state);
    expect(sim.transactions.size).toBe(0);
    signer.observe(withLines(state, [line(1, "BREAD", 300)]));
    signer.observe(withLines(state, [line(1, "BREAD", 300), line(2, "MILK", 250)]));
    const fiscal = await signer.sign(state.sale.id, figures);
    if (fiscal.status !== "signed") throw new Error(`not signed: ${JSON.stringify(fiscal)}`);
    expect(sim.transactions.size).toBe(1);
    expect(sim.transactions.get(fiscal.transactionNo)?.updates).toEqual(["2^MILK:1000:250"]);
    expect(fiscal.processData).toBe("Beleg^550^cash:550^S1-T1-1^EUR");
    const key = createPublicKey({
      key: Buffer.from(fiscal.publicKey, "base64"),
      format: "der",
      type: "spki",
    });
    const signature = Buffer.from(fiscal.signature, "base64");
    expect(verify(null, Buffer.from(signedMessage(fiscal)), key, signature)).toBe(true);

    const doc = receiptWith(fiscal);
    const qr = layoutReceipt(doc, { columns: 42 }).rows.flatMap((row) =>
      row.kind === "code" && row.symbology === "qr" && row.data.startsWith("V0;") ? [row.data] : [],
    );
    expect(qr.map(parseFiscalQr)).toEqual([fiscal]);
    const text = renderReceiptText(doc, 42);
    expect(text).toContain(
      `Signature transaction${" ".repeat(42 - 21 - String(fiscal.transactionNo).length)}${fiscal.transactionNo}`,
    );
    expect(text).toContain(`Signature counter`);
    expect(text).toContain("SIM-TSE-0001");
  });

  test("a silent device leaves the sale unsigned within the deadline, and the receipt says so", async () => {
    const signer = new SaleSigner(new TcpSignatureDevice(uri));
    const state = initialState("0190a000-0000-7000-8000-000000000002");
    sim.mode = "silent";
    signer.observe(withLines(state, [line(1, "BREAD", 550)]));
    const began = performance.now();
    const fiscal = await signer.sign(state.sale.id, figures);
    expect(performance.now() - began).toBeLessThan(1500);
    expect(fiscal).toMatchObject({ status: "unavailable", reason: "timeout" });
    expect(renderReceiptText(receiptWith(fiscal), 42)).toContain("SIGNATURE DEVICE UNAVAILABLE");
  });

  test("garbage from the device is told, and the next sale is signed once it answers again", async () => {
    const signer = new SaleSigner(new TcpSignatureDevice(uri));
    sim.mode = "garbage";
    const first = initialState("0190a000-0000-7000-8000-000000000003");
    signer.observe(withLines(first, [line(1, "BREAD", 550)]));
    expect(await signer.sign(first.sale.id, figures)).toMatchObject({
      status: "unavailable",
      reason: "garbage",
    });
    sim.mode = "ok";
    const second = initialState("0190a000-0000-7000-8000-000000000004");
    signer.observe(withLines(second, [line(1, "BREAD", 550)]));
    expect(await signer.sign(second.sale.id, figures)).toMatchObject({ status: "signed" });
  });
});
