/**
 * What the till asks the store in the restaurant mode, and what it answers: the floor, and an
 * order at a table with its lines and checks. One service call (`TillServices.restaurant`)
 * takes every request, so the till's other layers name them as data.
 */
import type { CheckAnswer, OrderAnswer, TableAnswer } from "../../api/store/restaurant.ts";

export type FloorTable = TableAnswer;
export type TableOrder = OrderAnswer;
export type TableCheck = CheckAnswer;

export interface TableLineRequest {
  id: string;
  code: string;
  qty: string;
  seat: number;
  course: number;
  modifiers: string[];
  note?: string;
}

export type TableSplit =
  | { by: "seat" }
  | { by: "equal"; parts: number }
  | { by: "lines"; groups: string[][] }
  | { by: "amounts"; amountsMinor: number[] };

export type RestaurantCall =
  | { op: "floor" }
  | { op: "open"; id: string; tableId: string }
  | { op: "order"; id: string }
  | { op: "lines"; id: string; lines: TableLineRequest[] }
  | { op: "round"; id: string; roundId: string }
  | { op: "fire"; id: string; roundId: string; course: number }
  | { op: "bill"; id: string }
  | { op: "split"; id: string; split: TableSplit }
  /** `table`: the table's name (or id) as the waiter typed it. */
  | { op: "transfer"; id: string; table: string }
  | { op: "merge"; id: string; table: string }
  | {
      op: "pay";
      id: string;
      checkId: string;
      saleId: string;
      tenders: { type: string; amountMinor: number }[];
      tipMinor: number;
      /** The till's own receipt number for the check's sale (given when the call is made). */
      receiptNo?: string;
    };

/** The floor (for `floor`) or the order as it now is (every other call); `receiptNo` after `pay`. */
export interface RestaurantAnswer {
  floor?: FloorTable[];
  order?: TableOrder;
  receiptNo?: string;
}
