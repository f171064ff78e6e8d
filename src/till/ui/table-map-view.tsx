/** The floor on screen: the table map's rows, the selected table's row highlighted. */
import { Box } from "ink";
import { Filler, Lines } from "./rows.tsx";
import { type MapTable, tableMapLines } from "./table-map.ts";

export interface TableMapProps {
  tables: readonly MapTable[];
  selected: number;
  columns: number;
  height: number;
  /** Lines under the map (the legend and keys). */
  footer: readonly string[];
}

export function TableMap({ tables, selected, columns, height, footer }: TableMapProps) {
  const room = Math.max(1, height - footer.length);
  const view = tableMapLines(tables, selected, columns, room);
  return (
    <Box flexDirection="column" height={height}>
      <Lines lines={view.lines} width={columns} selected={view.selectedLine} />
      <Filler rows={room - view.lines.length} />
      <Lines lines={footer} width={columns} dim />
    </Box>
  );
}
