/** Costing by hand: the same goods under FIFO, LIFO and average, returns, write-offs and negative stock. */
import { describe, expect, test } from "bun:test";
import { type CostingMethod, costMovements, type SequencedMovement } from "../../src/core/costing.ts";

const cost = (method: CostingMethod, movements: SequencedMovement[]) =>
  costMovements({ method, mode: "half-up" }, movements);

const RECEIVED: SequencedMovement[] = [
  { kind: "receipt", qtyMilli: 10_000, unitCostMinor: 100 },
  { kind: "receipt", qtyMilli: 10_000, unitCostMinor: 200 },
];

describe("costing by hand", () => {
  test("receive 10 @ 1.00 and 10 @ 2.00, sell 15: FIFO 20.00, LIFO 25.00, average 22.50", () => {
    const sale: SequencedMovement = { kind: "sale", qtyMilli: -15_000, saleLine: "s1:1" };
    const expected: Record<CostingMethod, [number, number]> = {
      fifo: [2000, 1000],
      lifo: [2500, 500],
      average: [2250, 750],
    };
    for (const [method, [cogs, left]] of Object.entries(expected) as [CostingMethod, [number, number]][]) {
      const { results } = cost(method, [...RECEIVED, sale]);
      expect(results[2]).toMatchObject({
        costMinor: cogs,
        valueMinor: -cogs,
        onHandMilli: 5_000,
        onHandValueMinor: left,
      });
    }
  });

  test("a return restores the cost its sale line took, in proportion", () => {
    const moves: SequencedMovement[] = [
      ...RECEIVED,
      { kind: "sale", qtyMilli: -15_000, saleLine: "s1:1" },
      { kind: "return", qtyMilli: 5_000, saleLine: "s1:1" },
      { kind: "return", qtyMilli: 10_000, saleLine: "s1:1" },
    ];
    const fifo = cost("fifo", moves).results;
    expect(fifo[3]).toMatchObject({
      costMinor: 667,
      valueMinor: 667,
      onHandMilli: 10_000,
      onHandValueMinor: 1667,
    });
    expect(fifo[4]).toMatchObject({ costMinor: 1333, onHandMilli: 20_000, onHandValueMinor: 3000 });
    const lifo = cost("lifo", moves).results;
    expect(lifo[3]?.costMinor).toBe(833);
    expect(lifo[4]?.onHandValueMinor).toBe(3000);
  });

  test("a write-off costs by the method", () => {
    const moves: SequencedMovement[] = [...RECEIVED, { kind: "writeoff", qtyMilli: -12_000 }];
    expect(cost("fifo", moves).results[2]?.costMinor).toBe(1400);
    expect(cost("lifo", moves).results[2]?.costMinor).toBe(2200);
    expect(cost("average", moves).results[2]?.costMinor).toBe(1800);
  });

  test("average: a receipt at a new cost moves the average", () => {
    const { results } = cost("average", [
      { kind: "receipt", qtyMilli: 3_000, unitCostMinor: 100 },
      { kind: "sale", qtyMilli: -1_000 },
      { kind: "receipt", qtyMilli: 1_000, unitCostMinor: 400 },
      { kind: "sale", qtyMilli: -1_000 },
    ]);
    // 2 @ 1.00 + 1 @ 4.00 = 6.00 for 3; one costs 2.00
    expect(results[3]).toMatchObject({ costMinor: 200, onHandMilli: 2_000, onHandValueMinor: 400 });
  });

  test("selling below zero takes the last cost provisionally, settled when the goods arrive", () => {
    const { results } = cost("fifo", [
      { kind: "receipt", qtyMilli: 1_000, unitCostMinor: 100 },
      { kind: "sale", qtyMilli: -3_000 },
      { kind: "receipt", qtyMilli: 5_000, unitCostMinor: 150 },
    ]);
    // 1 from the layer at 1.00, 2 provisionally at 1.00
    expect(results[1]).toMatchObject({
      costMinor: 300,
      provisionalMinor: 200,
      onHandMilli: -2_000,
      onHandValueMinor: -200,
    });
    // the 2 arrive at 1.50: 1.00 more cost settled on the receipt; 3 left at 4.50
    expect(results[2]).toMatchObject({
      costMinor: 750,
      settledMinor: 100,
      valueMinor: 650,
      onHandMilli: 3_000,
      onHandValueMinor: 450,
    });
  });

  test("with no cost known, goods sold below zero cost 0 until they arrive", () => {
    const { results } = cost("average", [
      { kind: "sale", qtyMilli: -2_000 },
      { kind: "receipt", qtyMilli: 2_000, unitCostMinor: 250 },
    ]);
    expect(results[0]).toMatchObject({ costMinor: 0, onHandMilli: -2_000, onHandValueMinor: 0 });
    expect(results[1]).toMatchObject({
      settledMinor: 500,
      valueMinor: 0,
      onHandMilli: 0,
      onHandValueMinor: 0,
    });
  });

  test("a count that finds more values the extra at today's cost", () => {
    const { results } = cost("fifo", [
      { kind: "receipt", qtyMilli: 4_000, unitCostMinor: 125 },
      { kind: "count", qtyMilli: 2_000 },
    ]);
    expect(results[1]).toMatchObject({ costMinor: 250, onHandValueMinor: 750 });
  });
});
