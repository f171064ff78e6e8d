/**
 * Open department rings: an amount rung to a department without a product (co-op produce,
 * "misc."), as CORE-POS does with its department keys. A department line is an ordinary line of
 * the sale whose code is `dept:<department id>` (product codes never hold a colon), named after
 * the department, one unit at the amount rung, taxed at the department's tax class. Each
 * department says whether open rings are allowed and between which amounts (CORE-POS
 * `dept_minimum` / `dept_limit`): the till refuses a ring outside them, the store records one
 * that reaches it anyway as an exception.
 */
import { z } from "zod";
import { DomainError } from "./errors.ts";
import type { BasketLineInput } from "./pricing.ts";

export const DEPARTMENT_CODE_PREFIX = "dept:";

/** A department as tills and the store's checks see it (the store's `GET /departments` rows). */
export const departmentSchema = z.object({
  id: z.string().min(1).max(16),
  name: z.string().min(1).max(40),
  taxClass: z.string().max(16).nullable(),
  /** Open rings to the department are allowed at all. */
  openRing: z.boolean(),
  /** The largest amount one open ring may be; null: no limit. */
  openRingMaxMinor: z.int().nonnegative().nullable(),
  /** The smallest; null: any amount above zero. */
  openRingMinMinor: z.int().nonnegative().nullable(),
  /** The customer's age the department's items need (18, 21…); null or 0: none. */
  minAge: z.int().min(0).max(99).nullable(),
});
export type Department = z.infer<typeof departmentSchema>;

/** The line code of an open ring to a department. */
export function departmentCode(id: string): string {
  return `${DEPARTMENT_CODE_PREFIX}${id}`;
}

/** The department an open-ring line's code names; null for a product's code. */
export function departmentIdOf(code: string): string | null {
  if (!code.startsWith(DEPARTMENT_CODE_PREFIX)) return null;
  const id = code.slice(DEPARTMENT_CODE_PREFIX.length);
  return id === "" ? null : id;
}

/** The line an open ring of `amountMinor` to the department adds to a basket. */
export function departmentLine(department: Department, amountMinor: number): BasketLineInput {
  return {
    code: departmentCode(department.id),
    name: department.name,
    qtyMilli: 1000,
    unitPriceMinor: amountMinor,
    taxClass: department.taxClass,
  };
}

/** Why an open ring is outside the department's limits: closed to open rings, above or below. */
export type OpenRingProblem =
  | { kind: "closed"; limitMinor: null }
  | { kind: "over"; limitMinor: number }
  | { kind: "under"; limitMinor: number };

/** What is wrong with an open ring of `amountMinor` to the department; null when it is allowed. */
export function openRingProblem(department: Department, amountMinor: number): OpenRingProblem | null {
  if (!department.openRing) return { kind: "closed", limitMinor: null };
  if (department.openRingMaxMinor !== null && amountMinor > department.openRingMaxMinor)
    return { kind: "over", limitMinor: department.openRingMaxMinor };
  const min = Math.max(1, department.openRingMinMinor ?? 1);
  if (amountMinor < min) return { kind: "under", limitMinor: min };
  return null;
}

export class OpenRingNotAllowedError extends DomainError {
  readonly code = "OPEN_RING_NOT_ALLOWED";
  constructor(department: Department) {
    super(`${department.name} takes no open rings: ring its items by code`, { department: department.id });
  }
}

export class OpenRingOverLimitError extends DomainError {
  readonly code = "OPEN_RING_OVER_LIMIT";
  constructor(department: Department, amountMinor: number, limitMinor: number) {
    super(`an open ring to ${department.name} may be at most ${limitMinor} minor units, not ${amountMinor}`, {
      department: department.id,
      amountMinor,
      limitMinor,
    });
  }
}

export class OpenRingUnderMinimumError extends DomainError {
  readonly code = "OPEN_RING_UNDER_MINIMUM";
  constructor(department: Department, amountMinor: number, limitMinor: number) {
    super(
      `an open ring to ${department.name} must be at least ${limitMinor} minor units, not ${amountMinor}`,
      {
        department: department.id,
        amountMinor,
        limitMinor,
      },
    );
  }
}

/** Refuses an open ring outside the department's limits, with the limit in the error's details. */
export function requireOpenRing(department: Department, amountMinor: number): void {
  const problem = openRingProblem(department, amountMinor);
  if (problem === null) return;
  if (problem.kind === "closed") throw new OpenRingNotAllowedError(department);
  if (problem.kind === "over") throw new OpenRingOverLimitError(department, amountMinor, problem.limitMinor);
  throw new OpenRingUnderMinimumError(department, amountMinor, problem.limitMinor);
}
