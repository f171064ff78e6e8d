/** The big running total (or the change after a sale), three rows high, with the sums beside it. */
import { Box, Text } from "ink";
import { bigText } from "./big-text.ts";
import { cells, clip, padStart } from "./text.ts";

export interface TotalsProps {
  label: string;
  amount: string;
  /** Up to three short rows shown at the left. */
  side: string[];
  width: number;
  color?: string;
}

export function Totals({ label, amount, side, width, color }: TotalsProps) {
  const big = bigText(amount);
  const bigWidth = cells(big[0]);
  const fits = bigWidth + 24 <= width;
  const right = fits ? big : ["", amount, ""];
  const rightWidth = fits ? bigWidth : cells(amount);
  const leftWidth = Math.max(0, width - rightWidth - 1);
  const left = [label, side[0] ?? "", side[1] ?? ""];
  const extra = side[2];
  if (extra !== undefined) left[2] = `${left[2]}  ${extra}`.trim();
  return (
    <Box flexDirection="row" height={3}>
      <Box width={leftWidth + 1}>
        <Text>
          <Text bold>{clip(left[0] ?? "", leftWidth)}</Text>
          {`\n${clip(left[1] ?? "", leftWidth)}\n${clip(left[2] ?? "", leftWidth)}`}
        </Text>
      </Box>
      <Text bold {...(color ? { color } : {})}>
        {right.map((row) => padStart(row, rightWidth)).join("\n")}
      </Text>
    </Box>
  );
}
