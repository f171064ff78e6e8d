/** Rows of exact width: the building blocks of every screen. */
import { Box, Text } from "ink";
import { clip, padEnd } from "./text.ts";

export interface RowProps {
  text: string;
  width: number;
  selected?: boolean;
  bold?: boolean;
  dim?: boolean;
  color?: string;
}

export function Row({ text, width, selected = false, bold = false, dim = false, color }: RowProps) {
  return (
    <Text inverse={selected} bold={bold} dimColor={dim} wrap="truncate" {...(color ? { color } : {})}>
      {selected ? padEnd(text, width) : clip(text, width).trimEnd()}
    </Text>
  );
}

/** Fills the rest of a body so the bars below stay put. */
export function Filler({ rows }: { rows: number }) {
  if (rows <= 0) return null;
  return <Box height={rows} />;
}

export interface LinesProps {
  lines: readonly string[];
  width: number;
  /** Index of the highlighted line, if any. */
  selected?: number;
  dim?: boolean;
}

/** A block of rows of exact width, one of them highlighted. */
export function Lines({ lines, width, selected = -1, dim = false }: LinesProps) {
  // Only the highlighted row needs its trailing blanks (they carry the highlight); the terminal
  // clears the rest of each row anyway, and fewer characters make a cheaper frame.
  const fitted = lines.map((line, i) => (i === selected ? padEnd(line, width) : clip(line, width).trimEnd()));
  const before = fitted.slice(0, Math.max(0, selected));
  const current = selected >= 0 ? fitted[selected] : undefined;
  const after = selected >= 0 ? fitted.slice(selected + 1) : [];
  if (current === undefined) {
    return fitted.length === 0 ? null : <Text dimColor={dim}>{fitted.join("\n")}</Text>;
  }
  return (
    <Box flexDirection="column">
      {before.length > 0 ? <Text dimColor={dim}>{before.join("\n")}</Text> : null}
      <Text inverse>{current}</Text>
      {after.length > 0 ? <Text dimColor={dim}>{after.join("\n")}</Text> : null}
    </Box>
  );
}
