/** The big running total (or the change after a sale), three rows high, with the sums beside it. */
import { Box, Text } from "ink";
import { bigText } from "./big-text.ts";
import { cells, padEnd, padStart } from "./text.ts";

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
    <Box flexDirection="column">
      {right.map((row, i) => (
        // biome-ignore lint/suspicious/noArrayIndexKey: three fixed rows
        <Text key={i} wrap="truncate">
          <Text bold={i === 0}>{padEnd(left[i] ?? "", leftWidth)} </Text>
          <Text bold {...(color ? { color } : {})}>
            {padStart(row, rightWidth)}
          </Text>
        </Text>
      ))}
    </Box>
  );
}
