/**
 * Card payments. With a connected terminal (`--payment`), F7 sends the amount to it and waits
 * (Esc cancels): approved adds a card tender carrying the authorisation code, declined and no
 * answer in time add nothing. Without one, the cashier keys the amount into a standalone
 * terminal and confirms here that it approved (optionally typing its authorisation code).
 * Taking back a card tender (F3) is a refund: a supervisor's (when the store asks for it),
 * through the terminal when there is one, and journaled on the sale.
 */
import type { ApprovalProof } from "../services.ts";
import { done, fail, msg } from "./initial.ts";
import { audit } from "./sale.ts";
import type { CardAnswer, TillEnv, TillState, Transition } from "./types.ts";

/** What a terminal's authorisation code or a typed one may look like (kept with the sale). */
const REF_PATTERN = /^[A-Za-z0-9 _.:/-]{1,40}$/;

/** F7 for `amountMinor`: to the terminal, or a question to the cashier. */
export function askCard(
  state: TillState,
  amountMinor: number,
  env: TillEnv,
  terminal: 1 | 2 = 1,
): Transition {
  if (terminal === 2 && env.hasSecondCardTerminal !== true) return fail(state, "error.noSecondTerminal");
  if (env.hasCardTerminal) {
    return done(
      {
        ...state,
        input: "",
        busy: true,
        prompt: { kind: "cardWait", amountMinor },
        status: { tone: "info", message: msg("info.cardWaiting", { amountMinor }) },
      },
      { type: "cardPay", amountMinor, reference: state.sale.id, ...(terminal === 2 ? { terminal } : {}) },
    );
  }
  return done({
    ...state,
    input: "",
    prompt: { kind: "cardConfirm", amountMinor },
    status: { tone: "info", message: msg("info.cardConfirm", { amountMinor }) },
  });
}

/** Esc while the terminal waits: ask it to stop (its answer, `cancelled`, closes the prompt). */
export function cancelCard(state: TillState): Transition {
  return done(
    { ...state, status: { tone: "info", message: msg("info.cardCancelling") } },
    { type: "cardCancel" },
  );
}

/** Enter on the standalone question: the terminal approved; the typed text is its code. */
export function confirmCard(
  state: TillState,
  amountMinor: number,
  addTender: (state: TillState, tender: { type: "card"; amountMinor: number; ref?: string }) => Transition,
): Transition {
  const text = state.input.trim();
  if (text !== "" && !REF_PATTERN.test(text)) return fail(state, "error.badAuthCode", { text });
  const base: TillState = { ...state, prompt: null, input: "", status: null };
  return addTender(base, { type: "card", amountMinor, ...(text === "" ? {} : { ref: text }) });
}

/** Esc on the standalone question: nothing was paid by card. */
export function declineCard(state: TillState): Transition {
  return done({
    ...state,
    prompt: null,
    input: "",
    status: { tone: "info", message: msg("info.cardNotTaken") },
  });
}

/** The terminal answered. */
export function cardAnswered(
  state: TillState,
  amountMinor: number,
  answer: CardAnswer,
  addTender: (state: TillState, tender: { type: "card"; amountMinor: number; ref?: string }) => Transition,
): Transition {
  const base: TillState = { ...state, busy: false, prompt: null };
  switch (answer.status) {
    case "approved": {
      const ref = REF_PATTERN.test(answer.authCode) ? answer.authCode : undefined;
      return addTender(
        { ...base, status: { tone: "ok", message: msg("ok.cardApproved", { authCode: answer.authCode }) } },
        { type: "card", amountMinor, ...(ref === undefined ? {} : { ref }) },
      );
    }
    case "declined":
      return fail(base, "error.cardDeclined", { reason: answer.reason });
    case "timeout":
      return fail(base, "error.cardTimeout", { detail: answer.detail });
    case "cancelled":
      return done({ ...base, status: { tone: "info", message: msg("info.cardCancelled") } });
    case "error":
      return fail(base, "error.cardFailed", { detail: answer.detail });
  }
}

/** Approved: through the terminal for a tender it approved, else journaled at once. */
export function refundCardTender(
  state: TillState,
  index: number,
  approvedBy: string | null,
  proof: ApprovalProof | undefined,
  env: TillEnv,
): Transition {
  const tender = state.sale.tenders[index];
  if (tender === undefined) return fail(state, "error.noTenders");
  if (env.hasCardTerminal && tender.ref !== undefined) {
    return done(
      { ...state, busy: true, status: { tone: "info", message: msg("info.cardRefunding") } },
      {
        type: "cardRefund",
        index,
        amountMinor: tender.amountMinor,
        reference: state.sale.id,
        authCode: tender.ref,
        approvedBy,
        ...(proof === undefined ? {} : { proof }),
      },
    );
  }
  // A standalone terminal: the cashier refunds it there; the till keeps the record.
  return tenderRemoved(state, index, null, approvedBy, proof, env, "info.cardRefundOnTerminal");
}

/** The tender is refunded: off the sale, with an audit entry on it. */
export function tenderRemoved(
  state: TillState,
  index: number,
  refundRef: string | null,
  approvedBy: string | null,
  proof: ApprovalProof | undefined,
  env: TillEnv,
  key: "ok.cardRefunded" | "info.cardRefundOnTerminal" = "ok.cardRefunded",
): Transition {
  const tender = state.sale.tenders[index];
  if (tender === undefined) return done({ ...state, busy: false });
  const entry = audit(state, env, "tender.refunded", approvedBy, proof, {
    type: tender.type,
    amountMinor: tender.amountMinor,
    authCode: tender.ref ?? null,
    refundRef,
    terminal: refundRef !== null,
  });
  const tenders = state.sale.tenders.filter((_, i) => i !== index);
  return done({
    ...state,
    busy: false,
    sale: { ...state.sale, tenders, audit: [...state.sale.audit, entry] },
    status: {
      tone: key === "ok.cardRefunded" ? "ok" : "info",
      message: msg(key, { amountMinor: tender.amountMinor }),
    },
  });
}
