/**
 * Payment terminal drivers: a standalone terminal confirmed by the cashier, and a simulated
 * terminal for tests and demos that approves, declines, or never answers.
 */
import { formatAmount } from "../../core/receipt-format.ts";
import type { AuthorizeOptions, PaymentRequest, PaymentResult, PaymentTerminal } from "./payment-terminal.ts";

export type StandaloneAnswer = { approved: true; authCode?: string } | { approved: false; reason?: string };

interface StandaloneRequest extends PaymentRequest {
  /** A refund (a return's card part) rather than a charge; absent for a charge. */
  kind?: "refund";
}

/** Shown to the cashier: key this amount into the terminal and say whether it approved. */
export interface StandalonePrompt extends StandaloneRequest {
  signal: AbortSignal;
}

/**
 * A terminal that is not connected to the till: the cashier keys the amount into it and
 * confirms the outcome on the till. The till supplies `confirm` (a dialog).
 */
export class StandaloneTerminal implements PaymentTerminal {
  readonly description = "standalone card terminal (cashier confirms)";
  private current: AbortController | undefined;

  constructor(private readonly confirm: (prompt: StandalonePrompt) => Promise<StandaloneAnswer>) {}

  authorize(request: PaymentRequest, options: AuthorizeOptions = {}): Promise<PaymentResult> {
    return this.ask(request, options, "CARD");
  }

  /** The cashier keys the refund into the terminal and says whether it went through. */
  refund(request: PaymentRequest, options: AuthorizeOptions = {}): Promise<PaymentResult> {
    return this.ask({ ...request, kind: "refund" }, options, "CARD REFUND");
  }

  private async ask(
    request: StandaloneRequest,
    options: AuthorizeOptions,
    label: string,
  ): Promise<PaymentResult> {
    const controller = new AbortController();
    this.current = controller;
    options.signal?.addEventListener("abort", () => controller.abort(), { once: true });
    try {
      const answer = await this.confirm({ ...request, signal: controller.signal });
      if (controller.signal.aborted) return { status: "cancelled", detail: "stopped at the till" };
      if (!answer.approved)
        return { status: "declined", reason: answer.reason ?? "declined at the terminal" };
      const authCode = answer.authCode ?? "";
      return {
        status: "approved",
        amountMinor: request.amountMinor,
        authCode,
        receiptLines: [
          `${label} ${formatAmount(request.amountMinor, request.currency, "en", "code")}`,
          ...(authCode ? [`AUTH ${authCode}`] : []),
        ],
      };
    } finally {
      if (this.current === controller) this.current = undefined;
    }
  }

  async cancel(): Promise<void> {
    this.current?.abort();
  }

  async close(): Promise<void> {
    await this.cancel();
  }
}

export type SimulatedOutcome = "approve" | "decline" | "timeout" | "error";

/** A terminal for tests and demos. Queue outcomes with `next`; otherwise `outcome` applies. */
export class SimulatedTerminal implements PaymentTerminal {
  readonly description = "simulated card terminal";
  readonly requests: PaymentRequest[] = [];
  /** Refunds asked for, in order (also answered from the queued outcomes). */
  readonly refunds: PaymentRequest[] = [];
  cancels = 0;
  private readonly scripted: SimulatedOutcome[] = [];
  private authCounter = 0;
  private pending: AbortController | undefined;

  constructor(
    public outcome: SimulatedOutcome = "approve",
    public delayMs = 0,
  ) {}

  next(...outcomes: SimulatedOutcome[]): this {
    this.scripted.push(...outcomes);
    return this;
  }

  authorize(request: PaymentRequest, options: AuthorizeOptions = {}): Promise<PaymentResult> {
    this.requests.push(request);
    return this.answer(request, options, "CARD PAYMENT");
  }

  refund(request: PaymentRequest, options: AuthorizeOptions = {}): Promise<PaymentResult> {
    this.refunds.push(request);
    return this.answer(request, options, "CARD REFUND");
  }

  private async answer(
    request: PaymentRequest,
    options: AuthorizeOptions,
    label: string,
  ): Promise<PaymentResult> {
    const outcome = this.scripted.shift() ?? this.outcome;
    const controller = new AbortController();
    this.pending = controller;
    options.signal?.addEventListener("abort", () => controller.abort(), { once: true });
    const aborted = new Promise<"aborted">((resolve) =>
      controller.signal.addEventListener("abort", () => resolve("aborted"), { once: true }),
    );
    const wait =
      outcome === "timeout"
        ? aborted
        : Promise.race([Bun.sleep(this.delayMs).then(() => "done" as const), aborted]);
    const how = await wait;
    if (this.pending === controller) this.pending = undefined;
    if (how === "aborted") return { status: "cancelled", detail: "cancelled on the terminal" };
    switch (outcome) {
      case "approve": {
        this.authCounter += 1;
        const authCode = String(this.authCounter).padStart(6, "0");
        return {
          status: "approved",
          amountMinor: request.amountMinor,
          authCode,
          card: "VISA ****4242",
          receiptLines: [
            label,
            "VISA ****4242",
            `AUTH ${authCode}`,
            formatAmount(request.amountMinor, request.currency, "en", "code"),
          ],
        };
      }
      case "decline":
        return { status: "declined", reason: "declined by the card issuer (51: insufficient funds)" };
      default:
        return { status: "error", detail: "the simulated terminal reported a fault" };
    }
  }

  async cancel(): Promise<void> {
    this.cancels += 1;
    this.pending?.abort();
  }

  async close(): Promise<void> {
    await this.cancel();
  }
}
