/**
 * Actions a store may guard with a supervisor's PIN: voids after total, price overrides,
 * discounts, no-sale and refunds. Each is described first (Approved), approved carried out.
 */
import type { Discount } from "../../core/discount.ts";
import { tillNeedsApproval } from "../rights.ts";
import type { ApprovalAction, ApprovalProof, CancelledSale, TillAuditEntry } from "../services.ts";
import { refundCardTender } from "./card.ts";
import { withoutLine, withQty } from "./deposit-lines.ts";
import { done, emptySale, fail, msg } from "./initial.ts";
import { showRefused } from "./refused.ts";
import { recordReturnEffect } from "./returns.ts";
import { lackedForApproval } from "./role-gate.ts";
import { addLine, audit, reprice, selectedLine } from "./sale.ts";
import type { Approved, Confirmed, SaleLine, TillEnv, TillState, Transition } from "./types.ts";

/**
 * Asks for an approver's PIN when the store requires one for `action`, or when the cashier's
 * role lacks the action's permission (src/api/store/roles.ts); else applies at once.
 */
export function withApproval(
  state: TillState,
  action: ApprovalAction,
  approved: Approved,
  env: TillEnv,
): Transition {
  const needed =
    action in env.settings.approvals && env.settings.approvals[action as keyof typeof env.settings.approvals];
  // A custom role without the action's permission always needs someone's whose role has it.
  if (!tillNeedsApproval(state.cashier, Boolean(needed), action))
    return applyApproved(state, approved, null, null, env);
  return askApproval(state, action, approved);
}

/** Asks for a supervisor's PIN whatever the store's settings (a choice that always takes one). */
export function askApproval(state: TillState, action: ApprovalAction, approved: Approved): Transition {
  // A role without the action's permission is told which one it lacks.
  const permission = lackedForApproval(state.cashier, action);
  return done({
    ...state,
    input: "",
    prompt: { kind: "approval", action, approved },
    status: {
      tone: "info",
      message:
        permission === null ? msg("info.approvalNeeded") : msg("info.roleLacksApproval", { permission }),
    },
  });
}

export function voidSelected(state: TillState, env: TillEnv): Transition {
  const line = selectedLine(state);
  if (line === undefined) return fail(state, "error.noLines");
  const approved: Approved = { type: "line.void", lineId: line.id };
  if (state.sale.totaled) return withApproval(state, "voidAfterTotal", approved, env);
  return applyApproved(state, approved, null, null, env);
}

/** Asks before voiding the whole sale: nothing is lost to a stray key or a scan. */
export function askVoidSale(state: TillState): Transition {
  const empty = state.sale.lines.length === 0;
  // A sale whose lines were all voided still has a trace to keep.
  if (empty && state.sale.audit.length === 0) return fail(state, "error.emptySale");
  if (state.sale.tenders.length > 0) return fail(state, "error.tendersTaken");
  const question = msg("prompt.confirmVoidSale", {
    count: state.sale.lines.length,
    totalMinor: state.quote?.totalMinor ?? 0,
  });
  return done({
    ...state,
    input: "",
    status: null,
    prompt: { kind: "confirm", question, confirmed: { type: "sale.void" } },
  });
}

/** The cashier said yes: carry it out (with a supervisor's approval where the store wants one). */
export function confirmed(state: TillState, what: Confirmed, env: TillEnv): Transition {
  switch (what.type) {
    case "sale.void":
      if (state.sale.totaled) return withApproval(state, "voidAfterTotal", { type: "sale.void" }, env);
      return applyApproved(state, { type: "sale.void" }, null, null, env);
    case "line.qty":
      return changeQty(state, what.lineId, what.qtyMilli, env, true);
    case "line.add":
      return addLine(state, what.product, what.qtyMilli, what.priceMinor, env, true);
  }
}

/**
 * Sets a line's quantity and prices the sale again. A quantity far above the usual is asked
 * first; fewer after total is a partial void, with a supervisor's approval where the store wants one.
 */
export function changeQty(
  state: TillState,
  lineId: number,
  qtyMilli: number,
  env: TillEnv,
  checked = false,
): Transition {
  const line = state.sale.lines.find((l) => l.id === lineId);
  if (line === undefined) return fail(state, "error.noLines");
  if (!line.soldByWeight && qtyMilli % 1000 !== 0)
    return fail(state, "error.wholeQuantity", { name: line.name });
  if (!checked && qtyMilli > env.settings.confirmQtyAbove * 1000) {
    const question = msg("prompt.confirmQty", { qtyMilli, name: line.name });
    return done({
      ...state,
      input: "",
      status: null,
      prompt: { kind: "confirm", question, confirmed: { type: "line.qty", lineId, qtyMilli } },
    });
  }
  const approved: Approved = { type: "line.qty", lineId, qtyMilli };
  if (state.sale.totaled && qtyMilli < line.qtyMilli)
    return withApproval(state, "voidAfterTotal", approved, env);
  return applyApproved(state, approved, null, null, env);
}

function voidSale(state: TillState, entry: TillAuditEntry, env: TillEnv): Transition {
  if (state.sale.tenders.length > 0) return fail(state, "error.tendersTaken");
  const totals = state.quote?.lines ?? [];
  const cancelled: CancelledSale = {
    id: state.sale.id,
    cashierId: state.sale.cashierId ?? state.cashier?.id ?? "",
    at: entry.at,
    lines: state.sale.lines.map((l, i) => ({
      code: l.code,
      name: l.name,
      qtyMilli: l.qtyMilli,
      unitPriceMinor: l.unitPriceMinor,
      totalMinor: totals[i]?.totalMinor ?? 0,
    })),
    totalMinor: state.quote?.totalMinor ?? 0,
    // The void itself is journaled with the rest, with its approver when one was needed.
    audit: [...state.sale.audit, entry],
  };
  return done(
    {
      ...state,
      sale: emptySale(env.newId()),
      quote: null,
      selectedLine: null,
      status: { tone: "info", message: msg("info.saleVoided") },
    },
    { type: "cancelSale", sale: cancelled },
    { type: "display", show: "welcome" },
  );
}

function lineChange(
  state: TillState,
  lineId: number,
  change: (line: SaleLine) => SaleLine,
  entry: TillAuditEntry,
  env: TillEnv,
): Transition {
  const lines = state.sale.lines.map((l) => (l.id === lineId ? change(l) : l));
  const next = reprice(state, { ...state.sale, lines, audit: [...state.sale.audit, entry] }, env);
  if ("error" in next) return next.error;
  return done({ ...next.state, prompt: null, input: "" });
}

/** A void made after the sale was totalled says so: the store checks the cashier's right to it. */
function afterTotal(state: TillState): { afterTotal?: true } {
  return state.sale.totaled ? { afterTotal: true } : {};
}

function discountDetail(discount: Discount): Record<string, string | number> {
  return "percent" in discount ? { percent: discount.percent } : { amountMinor: discount.amountMinor };
}

/** Carries out an action (approved by `approverId` when one was needed). */
export function applyApproved(
  state: TillState,
  approved: Approved,
  approverId: string | null,
  pin: string | null,
  env: TillEnv,
  proof?: ApprovalProof,
): Transition {
  // The PIN was accepted: a refusal of an earlier try no longer stands on the status line.
  const base: TillState = { ...state, prompt: null, input: "", busy: false, status: null };
  switch (approved.type) {
    case "line.void": {
      const line = state.sale.lines.find((l) => l.id === approved.lineId);
      if (line === undefined) return fail(base, "error.noLines");
      const entry = audit(state, env, "line.voided", approverId, proof, {
        code: line.code,
        qtyMilli: line.qtyMilli,
        unitPriceMinor: line.unitPriceMinor,
        ...afterTotal(state),
      });
      const lines = withoutLine(state.sale.lines, line.id);
      const next = reprice(base, { ...state.sale, lines, audit: [...state.sale.audit, entry] }, env);
      if ("error" in next) return next.error;
      return done({
        ...next.state,
        selectedLine: null,
        status: { tone: "info", message: msg("info.lineVoided", { name: line.name }) },
      });
    }
    case "line.override": {
      const line = state.sale.lines.find((l) => l.id === approved.lineId);
      if (line === undefined) return fail(base, "error.noLines");
      const entry = audit(state, env, "price.overridden", approverId, proof, {
        code: line.code,
        fromMinor: line.unitPriceMinor,
        toMinor: approved.priceMinor,
      });
      return lineChange(
        base,
        line.id,
        (l) => ({ ...l, unitPriceMinor: approved.priceMinor, priceGiven: true, overridden: true }),
        entry,
        env,
      );
    }
    case "line.discount": {
      const line = state.sale.lines.find((l) => l.id === approved.lineId);
      if (line === undefined) return fail(base, "error.noLines");
      const entry = audit(state, env, "discount.given", approverId, proof, {
        code: line.code,
        ...discountDetail(approved.discount),
      });
      return lineChange(base, line.id, (l) => ({ ...l, discount: approved.discount }), entry, env);
    }
    case "sale.discount": {
      const entry = audit(state, env, "discount.given", approverId, proof, discountDetail(approved.discount));
      const next = reprice(
        base,
        { ...state.sale, discount: approved.discount, audit: [...state.sale.audit, entry] },
        env,
      );
      if ("error" in next) return next.error;
      return done(next.state);
    }
    case "line.qty": {
      const line = state.sale.lines.find((l) => l.id === approved.lineId);
      if (line === undefined) return fail(base, "error.noLines");
      // Fewer than rung is a partial void: it goes to the audit log like a voided line.
      const removed = line.qtyMilli - approved.qtyMilli;
      const entries =
        removed > 0
          ? [
              audit(state, env, "line.voided", approverId, proof, {
                code: line.code,
                qtyMilli: removed,
                unitPriceMinor: line.unitPriceMinor,
                ...afterTotal(state),
              }),
            ]
          : [];
      const lines = withQty(state.sale.lines, line.id, approved.qtyMilli);
      const next = reprice(base, { ...state.sale, lines, audit: [...state.sale.audit, ...entries] }, env);
      if ("error" in next) return next.error;
      return done({
        ...next.state,
        status: {
          tone: "info",
          message: msg("info.qtyChanged", { name: line.name, qtyMilli: approved.qtyMilli }),
        },
      });
    }
    case "sale.void":
      return voidSale(
        base,
        audit(state, env, "sale.voided", approverId, proof, {
          lines: state.sale.lines.length,
          totalMinor: state.quote?.totalMinor ?? 0,
          ...afterTotal(state),
        }),
        env,
      );
    case "drawer.noSale":
      return done(
        { ...base, busy: true },
        { type: "openDrawer", reason: "noSale", ...(pin ? { approvalPin: pin } : {}) },
      );
    case "return.record": {
      if (base.screen.kind !== "returns" || base.screen.sale === null) return done(base);
      return done({ ...base, busy: true }, recordReturnEffect(base, base.screen.sale, env, pin));
    }
    case "refused.open":
      return showRefused(base);
    case "tender.remove":
      return refundCardTender(base, approved.index, approverId, proof, env);
    case "lot.expired": {
      const { product } = approved;
      const entry = audit(state, env, "expired.sold", approverId, proof, {
        code: product.code,
        lot: product.label?.lot ?? null,
        expiry: product.label?.expiry ?? null,
      });
      const label = { ...product.label, expiredApproved: true };
      const journaled = { ...base, sale: { ...base.sale, audit: [...base.sale.audit, entry] } };
      return addLine(journaled, { ...product, label }, approved.qtyMilli, approved.priceMinor, env);
    }
  }
}
