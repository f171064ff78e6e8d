/** The keymap on screen (F1): every command with its keys, in two columns when there is room. */
import { Box } from "ink";
import { KEY_COMMANDS } from "../keys/keymap.ts";
import { Filler, Lines } from "./rows.tsx";
import { padEnd, wrap } from "./text.ts";
import type { BodyProps } from "./view.ts";

export function HelpOverlay({ view, height }: BodyProps) {
  const { t, columns, keymap } = view;
  const bound = KEY_COMMANDS.filter((command) => keymap.labelFor(command) !== "");
  const entries = bound.map((command) => ({ keys: keymap.labelFor(command), name: t.t(`cmd.${command}`) }));
  // The help lines under the keys wrap rather than being cut.
  const notes = [...wrap(t.t("help.text"), columns, 2), ...wrap(t.t("help.hint"), columns, 2)];
  const rows = Math.max(1, height - notes.length);
  const twoColumns = entries.length > rows && columns >= 70;
  const perColumn = twoColumns ? Math.ceil(entries.length / 2) : rows;
  const colWidth = twoColumns ? Math.floor(columns / 2) : columns;
  const cell = (i: number) => {
    const entry = entries[i];
    return entry === undefined ? "" : padEnd(`${padEnd(entry.keys, 14)} ${entry.name}`, colWidth);
  };
  const lines: string[] = [];
  for (let i = 0; i < Math.min(perColumn, rows); i++)
    lines.push(twoColumns ? cell(i) + cell(i + perColumn) : cell(i));
  return (
    <Box flexDirection="column" height={height}>
      <Lines lines={lines} width={columns} />
      <Filler rows={rows - lines.length} />
      <Lines lines={notes} width={columns} dim />
    </Box>
  );
}
