/**
 * An expense paid from the drawer (F9 menu): the amount, then its category and a note on one
 * line ("supplies paper towels"). The store records it in the cash book against the till's open
 * shift, and refuses more than the drawer should hold; the drawer opens once it is recorded.
 */
import { done, fail, msg } from "./initial.ts";
import type { TillEnv, TillState, Transition } from "./types.ts";

const CATEGORY = /^[a-z0-9][a-z0-9_-]{0,39}$/;

export function submitExpense(state: TillState, amountMinor: number, text: string, env: TillEnv): Transition {
  const [first = "", ...rest] = text.split(/\s+/);
  const category = first.toLowerCase();
  if (!CATEGORY.test(category)) return fail(state, "error.expenseCategory", { text: first });
  const note = rest.join(" ").slice(0, 500);
  return done(
    {
      ...state,
      input: "",
      prompt: null,
      busy: true,
      status: { tone: "info", message: msg("info.movingCash") },
    },
    { type: "recordExpense", id: env.newId(), amountMinor, category, note: note === "" ? null : note },
  );
}
