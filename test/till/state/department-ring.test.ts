import { describe, expect, test } from "bun:test";
import type { Department } from "../../../src/core/open-department.ts";
import { Driver } from "../support/state-env.ts";

const DEPARTMENTS: Department[] = [
  {
    id: "2",
    name: "PRODUCE",
    taxClass: null,
    openRing: true,
    openRingMaxMinor: 5000,
    openRingMinMinor: 10,
    minAge: null,
  },
  {
    id: "14",
    name: "BEER",
    taxClass: "1",
    openRing: true,
    openRingMaxMinor: null,
    openRingMinMinor: null,
    minAge: 21,
  },
  {
    id: "9",
    name: "GIFT CARDS",
    taxClass: null,
    openRing: false,
    openRingMaxMinor: null,
    openRingMinMinor: null,
    minAge: null,
  },
];

/** Presses the open-ring key and answers the department list as the controller does. */
function openRing(d: Driver): Driver {
  d.key("department.ring");
  expect(d.lastEffect("listDepartments")).toBeDefined();
  return d.send({ type: "departments.listed", departments: DEPARTMENTS });
}

describe("open rings to a department", () => {
  test("the department's number, then the amount: a line named after the department", () => {
    const d = openRing(new Driver());
    expect(d.state.prompt).toMatchObject({ kind: "department" });
    // Only departments open to open rings are offered.
    expect(d.state.prompt?.kind === "department" && d.state.prompt.departments.map((x) => x.id)).toEqual([
      "2",
      "14",
    ]);
    d.enter("2");
    expect(d.state.prompt).toMatchObject({ kind: "departmentAmount", department: { id: "2" } });
    d.enter("3.49");
    expect(d.state.prompt).toBeNull();
    expect(d.state.sale.lines).toEqual([
      expect.objectContaining({
        code: "dept:2",
        name: "PRODUCE",
        qtyMilli: 1000,
        unitPriceMinor: 349,
        priceGiven: true,
        taxClass: null,
      }),
    ]);
    expect(d.state.quote?.totalMinor).toBe(349);
  });

  test("the department's tax class taxes the line", () => {
    const d = openRing(new Driver()).enter("14");
    // BEER needs 21: asked first.
    d.enter("10.00");
    expect(d.state.prompt).toMatchObject({ kind: "age", minAge: 21 });
    d.enter("y");
    expect(d.state.sale.lines[0]).toMatchObject({ code: "dept:14", name: "BEER", taxClass: "1" });
    expect(d.state.quote?.taxMinor).toBe(89);
  });

  test("above the department's limit or below its minimum: refused with the limit, nothing added", () => {
    const d = openRing(new Driver()).enter("2").enter("50.01");
    expect(d.statusKey).toBe("error.openRingOver");
    expect(d.state.status?.message).toMatchObject({ params: { name: "PRODUCE", limitMinor: 5000 } });
    expect(d.state.sale.lines).toEqual([]);
    d.send({ type: "input.clear" }).enter("0.05");
    expect(d.statusKey).toBe("error.openRingUnder");
    expect(d.state.sale.lines).toEqual([]);
    // The prompt stays for a corrected amount.
    d.send({ type: "input.clear" }).enter("50.00");
    expect(d.state.sale.lines).toHaveLength(1);
  });

  test("a department closed to open rings or unknown is refused; Esc leaves the prompt", () => {
    const d = openRing(new Driver()).enter("9");
    expect(d.statusKey).toBe("error.unknownDepartment");
    expect(d.state.prompt).toMatchObject({ kind: "department" });
    d.key("back");
    expect(d.state.prompt).toBeNull();
    expect(d.state.sale.lines).toEqual([]);
  });

  test("no department synced: said plainly", () => {
    const d = new Driver().key("department.ring").send({ type: "departments.listed", departments: [] });
    expect(d.statusKey).toBe("error.noDepartments");
    expect(d.state.prompt).toBeNull();
  });
});
