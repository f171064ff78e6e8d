/**
 * Age-restricted items: before an item that needs an age (its own `minAge`, else its
 * department's) is added, the cashier confirms the customer is old enough (`Y`) or types the
 * date of birth (DDMMYYYY or the store locale's order), checked against today in the store's
 * time zone. Once confirmed, items needing the same age or less are not asked again in the
 * sale. A refusal (or `Esc`, or a customer too young) adds nothing. Every answer is journaled
 * (`age.checked`) with the age needed, how it was checked and the result, never the date of
 * birth itself.
 */
import { ageOn, dateInZone, dobOrderOf, dobPattern, parseDob } from "../../core/age-check.ts";
import type { TillProduct } from "../services.ts";
import { done, fail, msg } from "./initial.ts";
import { isYes } from "./parse-input.ts";
import type { Effect, Prompt, TillEnv, TillState, Transition } from "./types.ts";

type AgePrompt = Extract<Prompt, { kind: "age" }>;

/** The prompt that asks for the customer's age, or null when the item needs none (or it was confirmed). */
export function askAge(
  state: TillState,
  product: TillProduct,
  qtyMilli: number,
  priceMinor: number | undefined,
  checked: boolean,
): Transition | null {
  const minAge = product.minAge ?? 0;
  if (minAge <= 0 || (state.sale.ageConfirmed ?? 0) >= minAge) return null;
  return done({
    ...state,
    input: "",
    status: null,
    prompt: { kind: "age", product, qtyMilli, priceMinor, checked, minAge },
  });
}

/** The date pattern the prompt asks for, in the store's locale. */
export function dobPatternFor(env: TillEnv): string {
  return dobPattern(dobOrderOf(env.settings.locale));
}

function trace(
  state: TillState,
  prompt: AgePrompt,
  method: "confirmed" | "dob" | "refused",
  result: "over" | "under" | "refused",
): Effect {
  return {
    type: "trace",
    entry: {
      action: "age.checked",
      detail: { code: prompt.product.code, minAge: prompt.minAge, method, result, saleId: state.sale.id },
    },
  };
}

/** Esc, or an answer that is not yes: the item is not added. */
export function refuseAge(state: TillState, prompt: AgePrompt): Transition {
  return done(
    {
      ...state,
      prompt: null,
      input: "",
      status: {
        tone: "info",
        message: msg("info.ageRefused", { name: prompt.product.name, minAge: prompt.minAge }),
      },
    },
    trace(state, prompt, "refused", "refused"),
  );
}

/**
 * The answer: yes, or a date of birth; anything else refuses. `add` adds the item once the
 * sale knows the customer's age.
 */
export function submitAge(
  state: TillState,
  prompt: AgePrompt,
  env: TillEnv,
  add: (state: TillState) => Transition,
): Transition {
  const text = state.input.trim();
  if (text === "") return done(state);
  let method: "confirmed" | "dob";
  if (isYes(text)) method = "confirmed";
  else if (/^\d/.test(text)) {
    const dob = parseDob(text, dobOrderOf(env.settings.locale));
    if (dob === null) return fail(state, "error.badDob", { text, pattern: dobPatternFor(env) });
    const age = ageOn(dob, dateInZone(new Date(env.now()), env.settings.timeZone));
    if (age < prompt.minAge) {
      return done(
        {
          ...state,
          prompt: null,
          input: "",
          status: {
            tone: "error",
            message: msg("info.ageUnder", { name: prompt.product.name, minAge: prompt.minAge }),
          },
        },
        trace(state, prompt, "dob", "under"),
      );
    }
    method = "dob";
  } else return refuseAge(state, prompt);
  const ageConfirmed = Math.max(state.sale.ageConfirmed ?? 0, prompt.minAge);
  const added = add({ ...state, prompt: null, input: "", sale: { ...state.sale, ageConfirmed } });
  return { state: added.state, effects: [trace(state, prompt, method, "over"), ...added.effects] };
}
