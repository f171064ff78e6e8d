/**
 * Paying a return back the way the sale was paid: the refund is split over what each tender of
 * the sale can still refund (card first, then cash, as the store splits it). A card part goes
 * through the payment terminal first, when the till has one, and the return is recorded only
 * once the terminal approved it; cash opens the drawer.
 */
import { DomainError } from "../../core/errors.ts";
import { splitRefund } from "../../core/refund-split.ts";
import type { TenderInput } from "../../core/tenders.ts";
import { inTraining } from "../../core/training.ts";
import { describePayment, type PaymentTerminal } from "../../devices/payment/payment-terminal.ts";
import type { TillServices } from "../services.ts";

export class CardRefundError extends DomainError {
  readonly code = "CARD_REFUND_FAILED";
}

export interface ReturnToPay {
  id: string;
  originalSaleId: string;
  lines: { code: string; qtyMilli: number }[];
  refundMinor: number;
  refundable: readonly { type: string; amountMinor: number }[];
  /** All in cash (a supervisor's choice) instead of the way the sale was paid. */
  inCash?: boolean;
  approvalPin?: string;
  /** Who takes it back: a cashier in training records no return (core/training.ts). */
  cashierId?: string;
}

export class TrainingReturnError extends DomainError {
  readonly code = "TRAINING_SALE";
}

export async function payBackReturn(
  services: TillServices,
  terminal: PaymentTerminal | undefined,
  ret: ReturnToPay,
): Promise<{ receiptNo: string; totalMinor: number; tenders: TenderInput[] }> {
  const settings = services.settings();
  // Refused before the terminal refunds anything: the store records nothing from training.
  if (inTraining(settings, services.identity().tillId, ret.cashierId)) {
    throw new TrainingReturnError(
      "this till or cashier is in training: no return is recorded and no card refunded",
    );
  }
  const tenders = splitRefund(ret.refundMinor, ret.inCash ? [] : ret.refundable, settings.cashRoundingMinor);
  const card = tenders.find((t) => t.type === "card");
  let approved: string | null = null;
  if (card !== undefined && terminal !== undefined) {
    const result = await terminal.refund({
      amountMinor: card.amountMinor,
      currency: settings.currency,
      reference: ret.id,
    });
    if (result.status !== "approved") {
      throw new CardRefundError(`${describePayment(result)} Nothing was recorded.`, {
        status: result.status,
      });
    }
    approved = result.authCode;
  }
  try {
    const recorded = await services.recordReturn({
      id: ret.id,
      originalSaleId: ret.originalSaleId,
      lines: ret.lines,
      tenders,
      ...(ret.approvalPin ? { approvalPin: ret.approvalPin } : {}),
    });
    return { ...recorded, tenders };
  } catch (err) {
    if (approved === null) throw err;
    const reason = err instanceof Error ? err.message : String(err);
    throw new CardRefundError(
      `the card was refunded (auth ${approved}), but the return was not recorded: ${reason}. Record it again with a supervisor; do not refund the card again`,
      { returnId: ret.id, authCode: approved },
    );
  }
}
