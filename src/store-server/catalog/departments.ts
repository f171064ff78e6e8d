/**
 * Departments of the store's catalog: name, tax class, open-ring limits (CORE-POS
 * `dept_limit` / `dept_minimum`) and the customer's age their items need. Upserts by id keep the
 * fields they leave out, as products do; each change takes a catalog change seq.
 */
import { eq } from "drizzle-orm";
import { departments } from "../../../schema/store.ts";
import type { DepartmentInput } from "../../api/store/catalog.ts";
import { InvalidInputError } from "../../core/errors.ts";
import type { StoreContext, StoreTx } from "../context.ts";
import { statementsOf } from "../db/statements.ts";

export type DepartmentRecord = typeof departments.$inferSelect;

/** Creates or updates a department in the caller's transaction. */
export function upsertDepartmentInTx(
  ctx: StoreContext,
  tx: StoreTx,
  input: DepartmentInput,
): DepartmentRecord {
  if (input.taxClass && !ctx.settings.taxClasses.some((t) => t.id === input.taxClass)) {
    throw new InvalidInputError(
      "UNKNOWN_TAX_CLASS",
      `tax class "${input.taxClass}" is not configured at this store; add it under [[taxClasses]] in the store's configuration`,
      {
        taxClass: input.taxClass,
      },
    );
  }
  const old = tx.select().from(departments).where(eq(departments.id, input.id)).get();
  const name = input.name ?? old?.name;
  if (name === undefined) {
    throw new InvalidInputError(
      "NEW_DEPARTMENT_INCOMPLETE",
      `department "${input.id}" is new: it needs a name`,
      {
        id: input.id,
        missing: ["name"],
      },
    );
  }
  const keep = <K extends keyof DepartmentInput & keyof DepartmentRecord>(
    key: K,
    fallback: DepartmentRecord[K],
  ) => (input[key] !== undefined ? input[key] : (old?.[key] ?? fallback)) as DepartmentRecord[K];
  const openRingMaxMinor = keep("openRingMaxMinor", null);
  const openRingMinMinor = keep("openRingMinMinor", null);
  if (openRingMaxMinor !== null && openRingMinMinor !== null && openRingMinMinor > openRingMaxMinor) {
    throw new InvalidInputError(
      "INVALID_DEPARTMENT_LIMITS",
      `department "${input.id}": the open-ring minimum (${openRingMinMinor}) is above its maximum (${openRingMaxMinor})`,
      { id: input.id },
    );
  }
  const seq = statementsOf(tx).nextCounter.get("catalog");
  if (!seq) throw new Error("counter catalog did not advance");
  const values: DepartmentRecord = {
    id: input.id,
    name,
    taxClass: keep("taxClass", null),
    changeSeq: seq.value,
    openRing: keep("openRing", true),
    openRingMaxMinor,
    openRingMinMinor,
    minAge: keep("minAge", null),
  };
  tx.insert(departments).values(values).onConflictDoUpdate({ target: departments.id, set: values }).run();
  return values;
}
