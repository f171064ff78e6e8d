import { type StoreSettingsInput, storeSettingsSchema } from "../../../src/core/settings.ts";
import {
  type Command,
  type Effect,
  initialState,
  reduce,
  type TillEnv,
  type TillState,
} from "../../../src/till/state/index.ts";
import { withTestTaxClasses } from "../../support/tax-classes.ts";
import { findProduct } from "./catalog.ts";

export function testEnv(
  settings: StoreSettingsInput = {},
  hasScale = false,
  hasCardTerminal = false,
): TillEnv {
  let n = 0;
  return {
    settings: storeSettingsSchema.parse(withTestTaxClasses({ storeName: "Test Co-op", ...settings })),
    newId: () => `sale-${++n}`,
    now: () => "2026-11-23T12:00:00.000Z",
    hasScale,
    hasCardTerminal,
  };
}

export const CASHIER = { id: "u-ann", name: "Ann", role: "cashier" as const };
export const SUPERVISOR = { id: "u-sue", name: "Sue", role: "supervisor" as const };
/** A custom role from head office: sells and gives discounts up to 10%, nothing else. */
export const DELI = {
  id: "u-dee",
  name: "Dee",
  role: "deli",
  permissions: ["sell" as const, "discount" as const],
  maxDiscountPercent: 10,
};

/**
 * Runs commands through the reducer and answers lookups from the test catalog at once (as the
 * controller does), so a test reads like what the cashier typed.
 */
export class Driver {
  state: TillState;
  effects: Effect[] = [];

  constructor(
    readonly env: TillEnv = testEnv(),
    loggedIn = true,
  ) {
    this.state = initialState("sale-0");
    if (loggedIn) this.send({ type: "login.ok", cashier: CASHIER });
  }

  send(...commands: Command[]): this {
    for (const command of commands) {
      const { state, effects } = reduce(this.state, command, this.env);
      this.state = state;
      for (const effect of effects) {
        this.effects.push(effect);
        if (effect.type === "lookup") {
          const product = findProduct(effect.code);
          this.send(
            product
              ? {
                  type: "lookup.ok",
                  lookup: { product },
                  qtyMilli: effect.qtyMilli,
                  ...(effect.purpose ? { purpose: effect.purpose } : {}),
                  ...(effect.label ? { label: effect.label } : {}),
                }
              : {
                  type: "status.error",
                  message: { key: "error.unknownCode", params: { code: effect.code } },
                },
          );
        }
      }
    }
    return this;
  }

  /** Types text then presses Enter. */
  enter(text = ""): this {
    if (text !== "") this.send({ type: "input.text", text });
    return this.send({ type: "input.submit" });
  }

  key(type: Extract<Command, { type: string }>["type"]): this {
    return this.send({ type } as Command);
  }

  lastEffect<T extends Effect["type"]>(type: T): Extract<Effect, { type: T }> | undefined {
    return this.effects.filter((e): e is Extract<Effect, { type: T }> => e.type === type).at(-1);
  }

  get statusKey(): string | undefined {
    const m = this.state.status?.message;
    return m && "key" in m ? m.key : undefined;
  }
}
