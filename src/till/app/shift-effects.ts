/**
 * The shift's effects: whether the till has a shift open, opening it with the float, cash in
 * and out (the drawer opens once the store recorded it), the X report, the expected cash before
 * the close is confirmed, and the close with its Z report printed and journalled.
 */
import { z } from "zod";
import { DomainError } from "../../core/errors.ts";
import type { Command, Effect } from "../state/types.ts";
import { type EffectContext, settle } from "./effect-context.ts";
import { errorToMessage } from "./error-message.ts";
import { shiftReportDoc } from "./receipt.ts";

/** The part of an X report the close confirmation shows. */
const expectedCashSchema = z.object({ cash: z.object({ expectedMinor: z.number().int() }) });

/**
 * A shift needs the store: while it is unreachable the cashier is told plainly that the shift
 * can be opened once it is back, and selling goes on.
 */
function offlineOr(err: unknown, type: "status.info" | "request.failed"): Command {
  if (err instanceof DomainError && err.code === "STORE_UNREACHABLE")
    return { type, message: { key: "info.shiftWhenOnline" } };
  return { type: "request.failed", message: errorToMessage(err) };
}

type ShiftEffect = Extract<
  Effect,
  {
    type:
      | "checkShift"
      | "openShift"
      | "shiftExpected"
      | "moveCash"
      | "xReport"
      | "closeShift"
      | "recordExpense";
  }
>;

export function runShiftEffect(ctx: EffectContext, effect: ShiftEffect): void {
  const { services, devices } = ctx;
  switch (effect.type) {
    case "checkShift":
      services.currentShift().then(
        (shift) => ctx.dispatch({ type: "shift.checked", open: shift !== null, atLogIn: effect.atLogIn }),
        (err: unknown) => ctx.dispatch(offlineOr(err, "status.info")),
      );
      return;
    case "openShift":
      services.openShift(effect.floatMinor).then(
        (shift) => ctx.dispatch({ type: "shift.opened", floatMinor: shift.floatMinor }),
        (err: unknown) => ctx.dispatch(offlineOr(err, "request.failed")),
      );
      return;
    case "shiftExpected":
      settle(
        ctx,
        () => services.xReport(),
        (report) => {
          const parsed = expectedCashSchema.safeParse(report);
          return parsed.success
            ? { type: "shift.expected", expectedMinor: parsed.data.cash.expectedMinor }
            : { type: "request.failed", message: { key: "error.noExpectedCash" } };
        },
      );
      return;
    case "moveCash":
      settle(
        ctx,
        async () => {
          const moved = await services.moveCash({
            direction: effect.direction,
            amountMinor: effect.amountMinor,
            reason: effect.reason,
          });
          // Recorded at the store first; then the drawer opens for the cash to go in or out.
          const reason = effect.direction === "in" ? "cash-in" : "cash-out";
          void devices.drawer?.open(reason, { cashierId: ctx.state().cashier?.id ?? "" });
          return moved;
        },
        (moved) => ({
          type: "cash.moved",
          direction: effect.direction,
          amountMinor: effect.amountMinor,
          expectedCashMinor: moved.expectedCashMinor,
        }),
      );
      return;
    case "recordExpense":
      settle(
        ctx,
        async () => {
          if (services.recordExpense === undefined) throw new Error("expenses need the store");
          const { type: _type, ...expense } = effect;
          const recorded = await services.recordExpense(expense);
          void devices.drawer?.open("cash-out", { cashierId: ctx.state().cashier?.id ?? "" });
          return recorded;
        },
        (recorded) => ({
          type: "cash.expensed",
          category: effect.category,
          amountMinor: effect.amountMinor,
          expectedCashMinor: recorded.expectedCashMinor,
        }),
      );
      return;
    case "xReport":
      settle(
        ctx,
        () => services.xReport(),
        (report) => ({ type: "report.loaded", report }),
      );
      return;
    case "closeShift":
      settle(
        ctx,
        async () => {
          const report = await services.closeShift(effect.counted);
          const doc = shiftReportDoc(report, services.settings(), ctx.translator().locale);
          if (doc !== null) {
            services.journalPrint(doc, ctx.state().cashier?.id ?? null);
            devices.printer?.print(doc);
          }
          return report;
        },
        (report) => ({ type: "shift.closed", report }),
      );
      return;
  }
}
