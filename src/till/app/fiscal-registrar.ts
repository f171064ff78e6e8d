/**
 * Prints a completed sale's receipt on the fiscal printer, which keeps it in its own memory: the
 * number it answers goes with the sale. A printer out of paper, silent or answering garbage
 * never loses the sale: it is kept with why (`registrar.status` "unavailable"), the receipt goes
 * to the ordinary printer if there is one, and the cashier is told in their language.
 */
import type { RegistrarRecord } from "../../core/fiscal-registrar.ts";
import { type FiscalRegistrar, RegistrarError } from "../../devices/registrar/registrar.ts";
import { log } from "../../shared/log.ts";
import type { CompletedSale } from "../services.ts";
import type { Command } from "../state/types.ts";

interface RegistrarContext {
  devices: { registrar?: FiscalRegistrar | undefined };
  dispatch(command: Command): void;
}

export async function withRegistrar(
  ctx: RegistrarContext,
  sale: CompletedSale,
  text: () => string,
): Promise<CompletedSale> {
  const registrar = ctx.devices.registrar;
  if (registrar === undefined) return sale;
  let record: RegistrarRecord;
  try {
    const printed = await registrar.print(text());
    record = { status: "printed", ...printed };
  } catch (err) {
    const failure =
      err instanceof RegistrarError
        ? err
        : new RegistrarError("garbage", err instanceof Error ? err.message : String(err));
    log().warn({ err: failure }, "the fiscal printer did not print the sale");
    record = { status: "unavailable", reason: failure.reason, detail: failure.message.slice(0, 200) };
    const key = failure.reason === "paper-out" ? "error.registrarPaperOut" : "error.registrarFailed";
    // After the sale's own "done" (dispatched when this effect settles), not under it.
    setTimeout(() => ctx.dispatch({ type: "status.error", message: { key } }), 0);
  }
  return { ...sale, registrar: record };
}
