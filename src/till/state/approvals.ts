/**
 * Actions a store may guard with a supervisor's PIN: voids after total, price overrides,
 * discounts, no-sale and refunds. Each is described first (Approved), approved carried out.
 */
import type { Discount } from "../../core/discount.ts";
import type { ApprovalAction, ApprovalProof, TillAuditEntry } from "../services.ts";
import { refundCardTender } from "./card.ts";
import { done, fail, msg } from "./initial.ts";
import { showRefused } from "./refused.ts";
import { recordReturnEffect } from "./returns.ts";
import { audit, reprice, selectedLine } from "./sale.ts";
import type { Approved, SaleLine, TillEnv, TillState, Transition } from "./types.ts";

/** Asks for a supervisor's PIN when the store requires one for `action`, else applies at once. */
export function withApproval(
  state: TillState,
  action: ApprovalAction,
  approved: Approved,
  env: TillEnv,
): Transition {
  const needed =
    action in env.settings.approvals && env.settings.approvals[action as keyof typeof env.settings.approvals];
  if (!needed) return applyApproved(state, approved, null, null, env);
  return done({
    ...state,
    input: "",
    prompt: { kind: "approval", action, approved },
    status: { tone: "info", message: msg("info.approvalNeeded") },
  });
}

export function voidSelected(state: TillState, env: TillEnv): Transition {
  const line = selectedLine(state);
  if (line === undefined) return fail(state, "error.noLines");
  const approved: Approved = { type: "line.void", lineId: line.id };
  if (state.sale.totaled) return withApproval(state, "voidAfterTotal", approved, env);
  return applyApproved(state, approved, null, null, env);
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
  const base: TillState = { ...state, prompt: null, input: "", busy: false };
  switch (approved.type) {
    case "line.void": {
      const line = state.sale.lines.find((l) => l.id === approved.lineId);
      if (line === undefined) return fail(base, "error.noLines");
      const entry = audit(state, env, "line.voided", approverId, proof, {
        code: line.code,
        qtyMilli: line.qtyMilli,
        unitPriceMinor: line.unitPriceMinor,
      });
      const lines = state.sale.lines.filter((l) => l.id !== line.id);
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
  }
}
