/**
 * Takes a card payment for a sale and records the sale as paid only when the terminal
 * approved exactly the amount asked for. A decline, a timeout, a cancel or an error records
 * nothing; a timed-out authorization is cancelled on the terminal, and an approval arriving
 * after the timeout is ignored (the till never saw it, so the sale stays unpaid).
 */
import type { PaymentRequest, PaymentResult, PaymentTerminal } from "./payment-terminal.ts";

export interface PayByCardOptions {
  terminal: PaymentTerminal;
  request: PaymentRequest;
  /** How long the customer has to present the card and the terminal to answer (ms). */
  timeoutMs: number;
  /** Records the paid sale; called once, only for an approval of the full amount. */
  recordPaidSale: (approval: Extract<PaymentResult, { status: "approved" }>) => Promise<void>;
  signal?: AbortSignal;
}

export interface PayByCardOutcome {
  result: PaymentResult;
  recorded: boolean;
}

export async function payByCard(options: PayByCardOptions): Promise<PayByCardOutcome> {
  const { terminal, request, timeoutMs } = options;
  if (!Number.isSafeInteger(request.amountMinor) || request.amountMinor <= 0) {
    return {
      result: {
        status: "error",
        detail: "the amount to charge must be a positive whole number of minor units",
      },
      recorded: false,
    };
  }
  const abort = new AbortController();
  const onOuterAbort = (): void => abort.abort();
  options.signal?.addEventListener("abort", onOuterAbort, { once: true });
  let timer: ReturnType<typeof setTimeout> | undefined;
  const timedOut = new Promise<PaymentResult>((resolve) => {
    timer = setTimeout(() => {
      const wait = timeoutMs >= 2000 ? `${Math.round(timeoutMs / 1000)} s` : `${timeoutMs} ms`;
      resolve({ status: "timeout", detail: `no answer within ${wait}` });
      abort.abort();
    }, timeoutMs);
  });
  const cancelled = new Promise<PaymentResult>((resolve) => {
    abort.signal.addEventListener(
      "abort",
      () => resolve({ status: "cancelled", detail: "stopped at the till" }),
      {
        once: true,
      },
    );
  });
  let result: PaymentResult;
  try {
    result = await Promise.race([
      terminal.authorize(request, { signal: abort.signal }).catch(
        (error: unknown): PaymentResult => ({
          status: "error",
          detail: error instanceof Error ? error.message : String(error),
        }),
      ),
      timedOut,
      cancelled,
    ]);
  } finally {
    clearTimeout(timer);
    options.signal?.removeEventListener("abort", onOuterAbort);
  }
  if (result.status === "timeout" || result.status === "cancelled") {
    await terminal.cancel().catch(() => undefined);
    return { result, recorded: false };
  }
  if (result.status !== "approved") return { result, recorded: false };
  if (result.amountMinor !== request.amountMinor) {
    await terminal.cancel().catch(() => undefined);
    return {
      result: {
        status: "error",
        detail: `the terminal approved ${result.amountMinor} instead of ${request.amountMinor} minor units; the payment was cancelled`,
      },
      recorded: false,
    };
  }
  await options.recordPaidSale(result);
  return { result, recorded: true };
}
