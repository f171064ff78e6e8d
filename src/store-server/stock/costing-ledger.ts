/**
 * Costing on the stock ledger: a movement reads its product's cost state (layers and backlog),
 * costs itself with the store's method (src/core/costing.ts) and writes the state back, in the
 * caller's transaction. A sale touches only its products' layers, never the history; a return or
 * void finds what its sale line took by the line's movements (indexed by `sale_line`).
 */
import type { Database, Statement } from "bun:sqlite";
import {
  applyCostMovement,
  type CostingConfig,
  type CostLayer,
  type CostMovementKind,
  type CostResult,
  type CostState,
  type SaleCost,
} from "../../core/costing.ts";
import type { StoreTx } from "../context.ts";
import { connectionOf } from "../db/statements.ts";

interface LayerRow {
  id: number;
  qtyMilli: number;
  valueMinor: number;
  receivedAt: string | null;
}

/** A product's stock level as costing reads it. */
export interface LevelRow {
  onHandMilli: number;
  backlogMilli: number;
  backlogMinor: number;
  lastUnitCostMinor: number | null;
}

interface CostingStatements {
  layers: Statement<LayerRow, [string]>;
  level: Statement<Omit<LevelRow, "onHandMilli">, [string]>;
  addToLevel: Statement<LevelRow, [string, number]>;
  saveLevel: Statement<unknown, [string, number, number, number | null]>;
  insertLayer: Statement<unknown, [string, number, number, string | null]>;
  updateLayer: Statement<unknown, [number, number, number]>;
  deleteLayer: Statement<unknown, [number]>;
  saleLine: Statement<{ soldMilli: number | null; costMinor: number | null }, [string]>;
}

const cache = new WeakMap<Database, CostingStatements>();

function statements(tx: StoreTx): CostingStatements {
  const sqlite = connectionOf(tx);
  let s = cache.get(sqlite);
  if (!s) {
    s = {
      layers: sqlite.prepare(
        "SELECT id, qty_milli AS qtyMilli, value_minor AS valueMinor, received_at AS receivedAt FROM stock_layers WHERE product_code = ? ORDER BY id",
      ),
      level: sqlite.prepare(
        "SELECT backlog_milli AS backlogMilli, backlog_minor AS backlogMinor, last_unit_cost_minor AS lastUnitCostMinor FROM stock_levels WHERE product_code = ?",
      ),
      // On hand moves and the cost state is read in one statement.
      addToLevel: sqlite.prepare(
        `INSERT INTO stock_levels (product_code, on_hand_milli) VALUES (?1, ?2)
         ON CONFLICT(product_code) DO UPDATE SET on_hand_milli = on_hand_milli + ?2
         RETURNING on_hand_milli AS onHandMilli, backlog_milli AS backlogMilli, backlog_minor AS backlogMinor,
                   last_unit_cost_minor AS lastUnitCostMinor`,
      ),
      saveLevel: sqlite.prepare(
        "UPDATE stock_levels SET backlog_milli = ?2, backlog_minor = ?3, last_unit_cost_minor = ?4 WHERE product_code = ?1",
      ),
      insertLayer: sqlite.prepare(
        "INSERT INTO stock_layers (product_code, qty_milli, value_minor, received_at) VALUES (?, ?, ?, ?)",
      ),
      updateLayer: sqlite.prepare("UPDATE stock_layers SET qty_milli = ?2, value_minor = ?3 WHERE id = ?1"),
      deleteLayer: sqlite.prepare("DELETE FROM stock_layers WHERE id = ?"),
      saleLine: sqlite.prepare(
        `SELECT SUM(-qty_milli) AS soldMilli,
                SUM(-COALESCE(value_minor, 0)) AS costMinor
         FROM stock_movements WHERE sale_line = ?`,
      ),
    };
    cache.set(sqlite, s);
  }
  return s;
}

function stateOf(s: CostingStatements, code: string, known?: Omit<LevelRow, "onHandMilli">): CostState {
  const layers: CostLayer[] = s.layers
    .all(code)
    .map((r) =>
      r.receivedAt === null
        ? { id: r.id, qtyMilli: r.qtyMilli, valueMinor: r.valueMinor }
        : { id: r.id, qtyMilli: r.qtyMilli, valueMinor: r.valueMinor, receivedAt: r.receivedAt },
    );
  const level = known ?? s.level.get(code);
  return {
    layers,
    backlogMilli: level?.backlogMilli ?? 0,
    backlogMinor: level?.backlogMinor ?? 0,
    lastUnitCostMinor: level?.lastUnitCostMinor ?? null,
  };
}

function save(s: CostingStatements, code: string, before: CostState, after: CostState): void {
  const kept = new Set<number>();
  for (const l of after.layers) {
    if (l.id === undefined) {
      s.insertLayer.run(code, l.qtyMilli, l.valueMinor, l.receivedAt ?? null);
      continue;
    }
    kept.add(l.id);
    const was = before.layers.find((b) => b.id === l.id);
    if (!was || was.qtyMilli !== l.qtyMilli || was.valueMinor !== l.valueMinor) {
      s.updateLayer.run(l.id, l.qtyMilli, l.valueMinor);
    }
  }
  for (const b of before.layers) if (b.id !== undefined && !kept.has(b.id)) s.deleteLayer.run(b.id);
  // Most sales leave the backlog and the last cost as they were: nothing to write then.
  if (
    after.backlogMilli !== before.backlogMilli ||
    after.backlogMinor !== before.backlogMinor ||
    after.lastUnitCostMinor !== before.lastUnitCostMinor
  ) {
    s.saveLevel.run(code, after.backlogMilli, after.backlogMinor, after.lastUnitCostMinor);
  }
}

/** Moves a product's on hand by `qtyMilli` (making its level row) and answers the level after. */
export function addToLevel(tx: StoreTx, code: string, qtyMilli: number): LevelRow {
  const level = statements(tx).addToLevel.get(code, qtyMilli);
  if (!level) throw new Error(`stock level of ${code} was not kept`);
  return level;
}

const COST_KINDS: ReadonlySet<string> = new Set<CostMovementKind>([
  "receipt",
  "transfer_in",
  "sale",
  "return",
  "void",
  "issue",
  "writeoff",
  "transfer_out",
  "count",
  "adjustment",
]);

export interface CostedMovement {
  code: string;
  kind: string;
  qtyMilli: number;
  unitCostMinor?: number | undefined;
  saleLine?: string | null | undefined;
  at: string;
}

/**
 * Costs one movement of a product and keeps its layers; the stock level row must exist (the
 * ledger writes it first, with `addToLevel`). A return or void of a sale line restores what that line has left.
 */
export function costMovement(
  tx: StoreTx,
  config: CostingConfig,
  m: CostedMovement,
  /** The product's level as `addToLevel` just answered it (read here when not given). */
  level?: LevelRow,
): CostResult {
  const s = statements(tx);
  const before = stateOf(s, m.code, level);
  const kind = (COST_KINDS.has(m.kind) ? m.kind : "adjustment") as CostMovementKind;
  let restore: SaleCost | undefined;
  if ((kind === "return" || kind === "void") && m.qtyMilli > 0 && m.saleLine) {
    const line = s.saleLine.get(m.saleLine);
    if (line && (line.soldMilli ?? 0) > 0)
      restore = { qtyMilli: line.soldMilli ?? 0, costMinor: line.costMinor ?? 0 };
  }
  const movement = {
    kind,
    qtyMilli: m.qtyMilli,
    at: m.at,
    ...(m.unitCostMinor === undefined ? {} : { unitCostMinor: m.unitCostMinor }),
  };
  const { state, result } = applyCostMovement(before, config, movement, restore);
  save(s, m.code, before, state);
  return result;
}
