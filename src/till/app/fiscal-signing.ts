/**
 * Signs each sale with the fiscal signature device: the transaction starts when the sale's first
 * line is rung, every change of its lines is an update, and the completed sale finishes it. No
 * request waits longer than the device's deadline; a device that fails, answers garbage or does
 * not answer leaves the sale unsigned and marked (`status: "unavailable"`), never lost.
 */
import {
  type FiscalSaleFigures,
  type FiscalSignature,
  fiscalProcessData,
} from "../../core/fiscal-signature.ts";
import type { DeviceInfo, Started } from "../../devices/signature/protocol.ts";
import { type SignatureDevice, SignatureDeviceError } from "../../devices/signature/signature-device.ts";
import { log } from "../../shared/log.ts";
import type { CompletedSale, TillServices } from "../services.ts";
import type { Command, TillState } from "../state/types.ts";

type Outcome<T> = { ok: true; value: T } | { ok: false; error: SignatureDeviceError };

function settled<T>(promise: Promise<T>): Promise<Outcome<T>> {
  return promise.then(
    (value) => ({ ok: true as const, value }),
    (err: unknown) => ({
      ok: false as const,
      error: err instanceof SignatureDeviceError ? err : new SignatureDeviceError("garbage", String(err)),
    }),
  );
}

interface Transaction {
  saleId: string;
  started: Promise<Outcome<Started>>;
  /** The updates sent so far, one after the other. */
  updates: Promise<unknown>;
  linesSeen: string;
}

/** What the lines are at an update: `<count>^<code>:<qtyMilli>:<priceMinor>` of the last line. */
function linesDigest(state: TillState): string {
  const lines = state.sale.lines;
  const last = lines[lines.length - 1];
  return `${lines.length}^${last === undefined ? "" : `${last.code}:${last.qtyMilli}:${last.unitPriceMinor ?? ""}`}`;
}

export class SaleSigner {
  private current: Transaction | null = null;
  private info: Promise<Outcome<DeviceInfo>> | null = null;

  constructor(readonly device: SignatureDevice) {}

  /** Called with every new state: starts and updates the open sale's transaction. */
  observe(state: TillState): void {
    const sale = state.sale;
    if (sale.lines.length === 0) return;
    const digest = linesDigest(state);
    if (this.current === null || this.current.saleId !== sale.id) {
      this.current = {
        saleId: sale.id,
        started: settled(this.device.start()),
        updates: Promise.resolve(),
        linesSeen: digest,
      };
      return;
    }
    if (this.current.linesSeen === digest) return;
    const txn = this.current;
    txn.linesSeen = digest;
    txn.updates = txn.updates.then(async () => {
      const started = await txn.started;
      if (!started.ok) return;
      const updated = await settled(this.device.update(started.value.transactionNo, digest));
      if (!updated.ok) log().warn({ err: updated.error }, "a signature device update failed");
    });
  }

  /**
   * Finishes the sale's transaction (starting one first when the sale had none) and answers its
   * signature, or why it has none.
   */
  async sign(saleId: string, figures: FiscalSaleFigures): Promise<FiscalSignature> {
    const txn =
      this.current?.saleId === saleId
        ? this.current
        : { saleId, started: settled(this.device.start()), updates: Promise.resolve(), linesSeen: "" };
    this.current = null;
    this.info ??= settled(this.device.info());
    const info = await this.info;
    if (!info.ok) {
      this.info = null;
      return unavailable(info.error);
    }
    const started = await txn.started;
    if (!started.ok) return unavailable(started.error);
    await txn.updates;
    const processData = fiscalProcessData(figures);
    const finished = await settled(this.device.finish(started.value.transactionNo, processData));
    if (!finished.ok) return unavailable(finished.error);
    return {
      status: "signed",
      serial: info.value.serial,
      publicKey: info.value.publicKey,
      algorithm: info.value.algorithm,
      transactionNo: finished.value.transactionNo,
      signatureCounter: finished.value.signatureCounter,
      startedAt: finished.value.startedAt,
      finishedAt: finished.value.finishedAt,
      processData,
      signature: finished.value.signature,
    };
  }
}

function unavailable(error: SignatureDeviceError): FiscalSignature {
  log().warn({ err: error }, "the signature device did not sign the sale");
  return { status: "unavailable", reason: error.reason, detail: error.message.slice(0, 200) };
}

const UNSIGNED_MESSAGES = {
  timeout: "error.signatureTimeout",
  garbage: "error.signatureGarbage",
  refused: "error.signatureRefused",
  offline: "error.signatureOffline",
} as const;

/** What signing a completed sale needs of the till's effects. */
interface SigningContext {
  devices: { signer?: SaleSigner | undefined };
  services: Pick<TillServices, "settings">;
  dispatch(command: Command): void;
}

/**
 * The completed sale with its signature (unchanged without a signature device). An unsigned
 * sale is kept all the same; the cashier is told why once the sale is shown as done.
 */
export async function withSignature(ctx: SigningContext, sale: CompletedSale): Promise<CompletedSale> {
  const signer = ctx.devices.signer;
  if (signer === undefined) return sale;
  const fiscal = await signer.sign(sale.id, {
    receiptNo: sale.receiptNo,
    totalMinor: sale.quote.totalMinor,
    currency: ctx.services.settings().currency,
    tenders: sale.tenders,
  });
  if (fiscal.status === "unavailable") {
    // After the sale's own "done" (dispatched when this effect settles), not under it.
    setTimeout(
      () => ctx.dispatch({ type: "status.error", message: { key: UNSIGNED_MESSAGES[fiscal.reason] } }),
      0,
    );
  }
  return { ...sale, fiscal };
}
