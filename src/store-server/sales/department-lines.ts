/**
 * Open rings in a till's sale as rung (`dept:<id>` lines, see core/open-department.ts): checked
 * against the store's department when the sale is recorded. A ring to a department the store
 * does not know, one closed to open rings, or one outside its limits is recorded as rung and
 * listed as a `department` exception; a tax class other than the department's as a `tax` one.
 */
import { eq } from "drizzle-orm";
import { departments } from "../../../schema/store.ts";
import { normalizeRate } from "../../core/as-rung.ts";
import type { PriceExceptionRow } from "../../core/events/sale-events.ts";
import { openRingProblem } from "../../core/open-department.ts";
import type { StoreContext } from "../context.ts";

interface RungDepartmentLine {
  code: string;
  name: string;
  unitPriceMinor: number;
  taxClass: string | null;
  taxRate: string | null;
  taxMinor: number;
}

const PROBLEM_TEXT = {
  closed: "takes no open rings",
  over: "open ring above the department's limit",
  under: "open ring below the department's minimum",
} as const;

/** Every difference of one open-ring line from its department; `taxOf` gives the tax at a class's rate. */
export function departmentLineExceptions(
  ctx: StoreContext,
  departmentId: string,
  line: RungDepartmentLine,
  lineNo: number,
  taxOf: (taxClass: string | null) => number | null,
): PriceExceptionRow[] {
  const department = ctx.db.select().from(departments).where(eq(departments.id, departmentId)).get();
  if (!department) {
    return [
      {
        lineNo,
        code: line.code,
        kind: "department",
        rungMinor: line.unitPriceMinor,
        catalogMinor: null,
        detail: `${line.name}: "${departmentId}" is not a department of the store`,
      },
    ];
  }
  const out: PriceExceptionRow[] = [];
  const problem = openRingProblem(department, line.unitPriceMinor);
  if (problem !== null) {
    out.push({
      lineNo,
      code: line.code,
      kind: "department",
      rungMinor: line.unitPriceMinor,
      catalogMinor: problem.limitMinor,
      detail: `${department.name}: ${PROBLEM_TEXT[problem.kind]}`,
    });
  }
  const rates = new Map(ctx.settings.taxClasses.map((t) => [t.id, normalizeRate(t.rate)]));
  const rateOf = (taxClass: string | null) => (taxClass === null ? null : (rates.get(taxClass) ?? null));
  const rungRate = line.taxRate === null ? null : normalizeRate(line.taxRate);
  if (line.taxClass !== department.taxClass || rungRate !== rateOf(department.taxClass)) {
    out.push({
      lineNo,
      code: line.code,
      kind: "tax",
      rungMinor: line.taxMinor,
      catalogMinor: taxOf(department.taxClass),
      detail: `rung as tax class ${line.taxClass ?? "none"} at ${rungRate ?? "0"}%; the department says ${department.taxClass ?? "none"} at ${rateOf(department.taxClass) ?? "0"}%`,
    });
  }
  return out;
}
