/**
 * Opens a payment terminal from its URI:
 *   standalone:                                  the cashier confirms approvals on the till
 *   sim:[?outcome=approve|decline|timeout|error][&delayMs=500]
 */
import { z } from "zod";
import { DeviceUriError } from "../errors.ts";
import { integerParam, parseDeviceUri, parseParams } from "../uri.ts";
import type { PaymentTerminal } from "./payment-terminal.ts";
import {
  SimulatedTerminal,
  type StandaloneAnswer,
  type StandalonePrompt,
  StandaloneTerminal,
} from "./terminals.ts";

const simParams = z.strictObject({
  outcome: z
    .enum(["approve", "decline", "timeout", "error"], { error: "must be approve, decline, timeout or error" })
    .default("approve"),
  delayMs: integerParam(0, 600_000).default(0),
});

export interface OpenPaymentTerminalOptions {
  /** The till's dialog for a standalone terminal: did the terminal approve? */
  confirm?: (prompt: StandalonePrompt) => Promise<StandaloneAnswer>;
}

export function openPaymentTerminal(uri: string, options: OpenPaymentTerminalOptions = {}): PaymentTerminal {
  const address = parseDeviceUri("payment", uri);
  if (address.scheme === "sim") {
    const params = parseParams("payment", uri, simParams, address.params);
    return new SimulatedTerminal(params.outcome, params.delayMs);
  }
  parseParams("payment", uri, z.strictObject({}), address.params);
  if (options.confirm === undefined) {
    throw new DeviceUriError(
      `"${uri}" needs the till to ask the cashier whether the terminal approved; open it from the till.`,
    );
  }
  return new StandaloneTerminal(options.confirm);
}
