/**
 * Card payment terminals. An integrated terminal is asked to authorize an amount and answers
 * approved (with the card slip's lines), declined, or nothing in time; a standalone terminal is
 * keyed by the cashier, who then confirms on the till whether it approved.
 */

export interface PaymentRequest {
  amountMinor: number;
  currency: string;
  /** The sale's id, so the terminal's journal can be matched to the sale. */
  reference: string;
}

export type PaymentResult =
  | {
      status: "approved";
      amountMinor: number;
      authCode: string;
      /** Masked card, e.g. "VISA ****4242", when the terminal tells it. */
      card?: string;
      /** Lines to print on the receipt (the card slip). */
      receiptLines: string[];
    }
  | { status: "declined"; reason: string }
  | { status: "timeout"; detail: string }
  | { status: "cancelled"; detail: string }
  | { status: "error"; detail: string };

export interface AuthorizeOptions {
  /** Aborting asks the terminal to stop waiting for the card. */
  signal?: AbortSignal;
}

export interface PaymentTerminal {
  readonly description: string;
  authorize(request: PaymentRequest, options?: AuthorizeOptions): Promise<PaymentResult>;
  /**
   * Pays an amount back to the card the customer presents (a return's card part); answers like
   * an authorization: approved (with the slip's lines), declined, or nothing in time.
   */
  refund(request: PaymentRequest, options?: AuthorizeOptions): Promise<PaymentResult>;
  /** Cancels the authorization in progress, if any. */
  cancel(): Promise<void>;
  close(): Promise<void>;
}

/** A result in words for the cashier. */
export function describePayment(result: PaymentResult): string {
  switch (result.status) {
    case "approved":
      return `Card approved (auth ${result.authCode}).`;
    case "declined":
      return `Card declined: ${result.reason}. Ask for another card or another way to pay.`;
    case "timeout":
      return `No answer from the card terminal: ${result.detail}. Nothing was charged by the till; check the terminal before trying again.`;
    case "cancelled":
      return `Card payment cancelled: ${result.detail}.`;
    case "error":
      return `Card payment failed: ${result.detail}.`;
  }
}
