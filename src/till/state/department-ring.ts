/**
 * Open rings (`department.ring`, Ctrl+D by default): the cashier picks a department by its
 * number from the store's departments open to open rings, types the amount, and a line named
 * after the department is added (`dept:<id>`, see core/open-department.ts). An amount outside
 * the department's limits is refused with the limit; the prompt stays for another amount.
 */
import { type Department, departmentCode, openRingProblem } from "../../core/open-department.ts";
import type { TillProduct } from "../services.ts";
import { done, fail } from "./initial.ts";
import { parseAmount } from "./parse-input.ts";
import { addLine } from "./sale.ts";
import type { Prompt, TillEnv, TillState, Transition } from "./types.ts";

/** The key: the departments are read first (`listDepartments`), then the prompt opens. */
export function startDepartmentRing(state: TillState): Transition {
  return done({ ...state, status: null }, { type: "listDepartments" });
}

export function departmentsListed(state: TillState, departments: readonly Department[]): Transition {
  if (state.screen.kind !== "sale" || state.prompt !== null || state.cashier === null) return done(state);
  const open = departments.filter((d) => d.openRing);
  if (open.length === 0) return fail(state, "error.noDepartments");
  return done({ ...state, input: "", status: null, prompt: { kind: "department", departments: open } });
}

/** A department as the line's product: one unit at the amount rung, the department's tax class and age. */
function departmentProduct(department: Department, amountMinor: number): TillProduct {
  return {
    code: departmentCode(department.id),
    name: department.name,
    priceMinor: amountMinor,
    taxClass: department.taxClass,
    department: department.id,
    soldByWeight: false,
    openPrice: true,
    unit: "each",
    minAge: department.minAge,
  };
}

export function submitDepartmentPrompt(
  state: TillState,
  prompt: Extract<Prompt, { kind: "department" | "departmentAmount" }>,
  env: TillEnv,
): Transition {
  const text = state.input.trim();
  if (prompt.kind === "department") {
    if (text === "") return done(state);
    const wanted = text.toLowerCase();
    const department =
      prompt.departments.find((d) => d.id.toLowerCase() === wanted) ??
      onlyOne(prompt.departments.filter((d) => d.name.toLowerCase().startsWith(wanted)));
    if (department === undefined) return fail(state, "error.unknownDepartment", { text });
    return done({ ...state, input: "", status: null, prompt: { kind: "departmentAmount", department } });
  }
  const amountMinor = parseAmount(text, env.settings.currency);
  if (amountMinor === null || amountMinor === 0) return fail(state, "error.badAmount", { text });
  const { department } = prompt;
  const problem = openRingProblem(department, amountMinor);
  if (problem !== null) {
    if (problem.kind === "closed") return fail(state, "error.openRingClosed", { name: department.name });
    const key = problem.kind === "over" ? "error.openRingOver" : "error.openRingUnder";
    return fail(state, key, { name: department.name, limitMinor: problem.limitMinor });
  }
  return addLine(state, departmentProduct(department, amountMinor), 1000, amountMinor, env);
}

function onlyOne<T>(list: readonly T[]): T | undefined {
  return list.length === 1 ? list[0] : undefined;
}

/** The prompt's question: the departments to choose from, as many as fit. */
export function departmentChoices(departments: readonly Department[]): string {
  return departments.map((d) => `${d.id} ${d.name}`).join(" · ");
}
