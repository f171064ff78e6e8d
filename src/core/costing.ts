/**
 * Costing of stock (pure): the cost of goods of every movement of a product under FIFO, LIFO or
 * weighted average (perpetual), and the quantity and value on hand after it.
 *
 * Money is in integer minor units, quantities in thousandths. A layer keeps its quantity and its
 * whole value (not a unit cost), and taking part of a layer takes `value × taken / quantity`
 * rounded with the store's mode, the rest staying in the layer: so nothing is ever lost to
 * rounding and cost in = cost out + settlements + value on hand, exactly.
 *
 * Negative stock is allowed. An outgoing movement that finds no layer takes the last known unit
 * cost (0 if none) provisionally and leaves a backlog; the next goods to arrive fill the backlog
 * first, and the difference between their cost and the provisional cost is settled as a cost
 * adjustment on that receipt (`settledMinor`, positive when the goods cost more). See
 * docs/stock.md.
 */
import { divRound, type RoundingMode } from "./rounding.ts";
import { toSafeNumber } from "./safe-integer.ts";

export const COSTING_METHODS = ["fifo", "lifo", "average"] as const;
export type CostingMethod = (typeof COSTING_METHODS)[number];

export interface CostingConfig {
  method: CostingMethod;
  mode: RoundingMode;
}

/** Goods on hand bought together: quantity and their whole value. */
export interface CostLayer {
  /** The caller's key for the layer (a row id), kept while the layer lasts. */
  id?: number;
  qtyMilli: number;
  valueMinor: number;
  receivedAt?: string;
}

/** A product's cost state. Average keeps at most one layer; FIFO and LIFO keep them oldest first. */
export interface CostState {
  layers: CostLayer[];
  /** Goods sold below zero, not yet arrived, and the cost they were taken at provisionally. */
  backlogMilli: number;
  backlogMinor: number;
  /** The last known cost of one unit (1000 thousandths); null before any. */
  lastUnitCostMinor: number | null;
}

export const EMPTY_COST_STATE: CostState = {
  layers: [],
  backlogMilli: 0,
  backlogMinor: 0,
  lastUnitCostMinor: null,
};

export type CostMovementKind =
  | "receipt"
  | "transfer_in"
  | "sale"
  | "return"
  | "void"
  | "issue"
  | "writeoff"
  | "transfer_out"
  | "count"
  | "adjustment";

export interface CostMovement {
  kind: CostMovementKind;
  /** Signed: negative takes goods out, positive brings them in. */
  qtyMilli: number;
  /** The cost of one unit of goods brought in (receipts, transfers in); others are valued by the method. */
  unitCostMinor?: number;
  at?: string;
}

/** What a return of sold goods restores: the part of its sale line not yet returned, and its cost. */
export interface SaleCost {
  qtyMilli: number;
  costMinor: number;
}

export interface CostResult {
  /** Signed change of the value on hand. */
  valueMinor: number;
  /** Cost of goods taken out (outgoing) or value brought in (incoming), never negative. */
  costMinor: number;
  /** Cost adjustment settled by goods arriving for a backlog (cost of goods, not stock value). */
  settledMinor: number;
  /** Part of `costMinor` taken at the provisional cost (goods sold below zero). */
  provisionalMinor: number;
  onHandMilli: number;
  onHandValueMinor: number;
}

function part(valueMinor: number, takeMilli: number, ofMilli: number, mode: RoundingMode): number {
  if (takeMilli === ofMilli) return valueMinor;
  return toSafeNumber(divRound(BigInt(valueMinor) * BigInt(takeMilli), BigInt(ofMilli), mode));
}

function valueOfUnits(unitCostMinor: number, qtyMilli: number, mode: RoundingMode): number {
  return toSafeNumber(divRound(BigInt(unitCostMinor) * BigInt(qtyMilli), 1000n, mode));
}

export function onHandOf(state: CostState): { qtyMilli: number; valueMinor: number } {
  let qtyMilli = 0 - state.backlogMilli;
  let valueMinor = 0 - state.backlogMinor;
  for (const l of state.layers) {
    qtyMilli += l.qtyMilli;
    valueMinor += l.valueMinor;
  }
  return { qtyMilli, valueMinor };
}

/** The value of `qtyMilli` more goods at today's cost: the value on hand per unit, else the last cost. */
function currentValue(state: CostState, qtyMilli: number, mode: RoundingMode): number {
  const { qtyMilli: onHand, valueMinor } = onHandOf(state);
  if (onHand > 0) return part(valueMinor, qtyMilli, onHand, mode);
  return valueOfUnits(state.lastUnitCostMinor ?? 0, qtyMilli, mode);
}

function bringIn(
  state: CostState,
  config: CostingConfig,
  qtyMilli: number,
  valueMinor: number,
  at: string | undefined,
): { state: CostState; settledMinor: number } {
  let { backlogMilli, backlogMinor } = state;
  let settledMinor = 0;
  let restMilli = qtyMilli;
  let restMinor = valueMinor;
  if (backlogMilli > 0) {
    const cover = Math.min(restMilli, backlogMilli);
    const actual = part(restMinor, cover, restMilli, config.mode);
    const provisional = part(backlogMinor, cover, backlogMilli, config.mode);
    settledMinor = actual - provisional;
    backlogMilli -= cover;
    backlogMinor -= provisional;
    restMilli -= cover;
    restMinor -= actual;
  }
  let layers = state.layers;
  if (restMilli > 0) {
    const first = layers[0];
    if (config.method === "average" && first) {
      layers = [{ ...first, qtyMilli: first.qtyMilli + restMilli, valueMinor: first.valueMinor + restMinor }];
    } else {
      layers = [
        ...layers,
        at === undefined
          ? { qtyMilli: restMilli, valueMinor: restMinor }
          : { qtyMilli: restMilli, valueMinor: restMinor, receivedAt: at },
      ];
    }
  }
  return { state: { ...state, layers, backlogMilli, backlogMinor }, settledMinor };
}

function takeOut(
  state: CostState,
  config: CostingConfig,
  qtyMilli: number,
): { state: CostState; costMinor: number; provisionalMinor: number } {
  const layers = state.layers.map((l) => ({ ...l }));
  let rest = qtyMilli;
  let costMinor = 0;
  const fromEnd = config.method === "lifo";
  while (rest > 0 && layers.length > 0) {
    const idx = fromEnd ? layers.length - 1 : 0;
    const layer = layers[idx] as CostLayer;
    const take = Math.min(rest, layer.qtyMilli);
    const cost = part(layer.valueMinor, take, layer.qtyMilli, config.mode);
    costMinor += cost;
    rest -= take;
    layer.qtyMilli -= take;
    layer.valueMinor -= cost;
    if (layer.qtyMilli === 0) layers.splice(idx, 1);
  }
  let provisionalMinor = 0;
  let { backlogMilli, backlogMinor } = state;
  if (rest > 0) {
    provisionalMinor = valueOfUnits(state.lastUnitCostMinor ?? 0, rest, config.mode);
    backlogMilli += rest;
    backlogMinor += provisionalMinor;
    costMinor += provisionalMinor;
  }
  return { state: { ...state, layers, backlogMilli, backlogMinor }, costMinor, provisionalMinor };
}

/**
 * Applies one movement to a product's cost state. A return or void of a sale line passes what
 * that line has left to restore (`restore`): it restores that cost in proportion; without it (or
 * for more than was sold) goods come back at today's cost.
 */
export function applyCostMovement(
  state: CostState,
  config: CostingConfig,
  movement: CostMovement,
  restore?: SaleCost,
): { state: CostState; result: CostResult } {
  let next: CostState;
  let valueMinor: number;
  let costMinor: number;
  let settledMinor = 0;
  let provisionalMinor = 0;
  if (movement.qtyMilli < 0) {
    const out = takeOut(state, config, -movement.qtyMilli);
    next = out.state;
    costMinor = out.costMinor;
    provisionalMinor = out.provisionalMinor;
    valueMinor = 0 - costMinor;
  } else {
    const q = movement.qtyMilli;
    if (movement.unitCostMinor !== undefined) {
      costMinor = valueOfUnits(movement.unitCostMinor, q, config.mode);
    } else if (restore && restore.qtyMilli > 0) {
      const covered = Math.min(q, restore.qtyMilli);
      costMinor =
        part(restore.costMinor, covered, restore.qtyMilli, config.mode) +
        currentValue(state, q - covered, config.mode);
    } else {
      costMinor = currentValue(state, q, config.mode);
    }
    const brought = bringIn(state, config, q, costMinor, movement.at);
    next = brought.state;
    settledMinor = brought.settledMinor;
    valueMinor = costMinor - settledMinor;
    if (movement.unitCostMinor !== undefined) next = { ...next, lastUnitCostMinor: movement.unitCostMinor };
  }
  if (movement.qtyMilli !== 0 && next.lastUnitCostMinor === null && costMinor > 0) {
    next = {
      ...next,
      lastUnitCostMinor: toSafeNumber(
        divRound(BigInt(costMinor) * 1000n, BigInt(Math.abs(movement.qtyMilli)), config.mode),
      ),
    };
  }
  const onHand = onHandOf(next);
  return {
    state: next,
    result: {
      valueMinor,
      costMinor,
      settledMinor,
      provisionalMinor,
      onHandMilli: onHand.qtyMilli,
      onHandValueMinor: onHand.valueMinor,
    },
  };
}

/** A movement in a sequence: sales name their line, returns and voids the line they take back. */
export interface SequencedMovement extends CostMovement {
  saleLine?: string;
}

/** Costs a product's ordered movements from nothing on hand. */
export function costMovements(
  config: CostingConfig,
  movements: readonly SequencedMovement[],
  initial: CostState = EMPTY_COST_STATE,
): { state: CostState; results: CostResult[] } {
  let state = initial;
  const open = new Map<string, SaleCost>();
  const results: CostResult[] = [];
  for (const m of movements) {
    const isReturn = (m.kind === "return" || m.kind === "void") && m.qtyMilli > 0;
    const restore = isReturn && m.saleLine !== undefined ? open.get(m.saleLine) : undefined;
    const step = applyCostMovement(state, config, m, restore);
    state = step.state;
    results.push(step.result);
    if (m.kind === "sale" && m.qtyMilli < 0 && m.saleLine !== undefined) {
      const had = open.get(m.saleLine) ?? { qtyMilli: 0, costMinor: 0 };
      open.set(m.saleLine, {
        qtyMilli: had.qtyMilli - m.qtyMilli,
        costMinor: had.costMinor + step.result.costMinor,
      });
    } else if (restore && m.saleLine !== undefined) {
      open.set(m.saleLine, restAfterReturn(restore, m.qtyMilli, config.mode));
    }
  }
  return { state, results };
}

/** What a sale line has left to restore after `qtyMilli` of it came back. */
export function restAfterReturn(restore: SaleCost, qtyMilli: number, mode: RoundingMode): SaleCost {
  const covered = Math.min(qtyMilli, restore.qtyMilli);
  return {
    qtyMilli: restore.qtyMilli - covered,
    costMinor: restore.costMinor - part(restore.costMinor, covered, restore.qtyMilli, mode),
  };
}
