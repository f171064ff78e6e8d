/**
 * The restaurant's floor drawn as text: each area's name, then its tables as cells of 8
 * characters (`12 ●`: its name and a status mark), as many to a row as the width holds (10 at
 * 80 columns), so 100 tables in a few areas fit 80×24. The selected table's row is the one to
 * highlight; when the floor is taller than the screen, the rows scroll to keep it in view.
 */

export type TableStatus = "free" | "ordered" | "bill_printed" | "paid";

export interface MapTable {
  id: string;
  area: string;
  name: string;
  status: TableStatus;
}

/** Marks that read on a Linux text console as well as in a terminal emulator. */
export const STATUS_MARK: Readonly<Record<TableStatus, string>> = {
  free: "·",
  ordered: "●",
  bill_printed: "$",
  paid: "✓",
};

const CELL = 8;

export interface TableMapView {
  lines: string[];
  /** The line holding the selected table, in `lines` (−1: none). */
  selectedLine: number;
}

function cell(table: MapTable, selected: boolean): string {
  const name = [...table.name].slice(0, 4).join("");
  const text = `${selected ? ">" : " "}${name.padEnd(4)} ${STATUS_MARK[table.status]}`;
  return text.padEnd(CELL);
}

/** The map's rows for a window `columns` wide and `rows` tall, the selected table kept in view. */
export function tableMapLines(
  tables: readonly MapTable[],
  selected: number,
  columns: number,
  rows: number,
): TableMapView {
  const perRow = Math.max(1, Math.floor(columns / CELL));
  const all: string[] = [];
  let selectedLine = -1;
  let i = 0;
  while (i < tables.length) {
    const area = tables[i]?.area ?? "";
    all.push(area);
    let row: string[] = [];
    while (i < tables.length && tables[i]?.area === area) {
      const table = tables[i] as MapTable;
      if (i === selected) selectedLine = all.length;
      row.push(cell(table, i === selected));
      i++;
      if (row.length === perRow) {
        all.push(row.join("").trimEnd());
        row = [];
      }
    }
    if (row.length > 0) all.push(row.join("").trimEnd());
  }
  if (all.length <= rows || rows <= 0) return { lines: all, selectedLine };
  const start = Math.min(Math.max(0, selectedLine - Math.floor(rows / 2)), all.length - rows);
  return { lines: all.slice(start, start + rows), selectedLine: selectedLine - start };
}
