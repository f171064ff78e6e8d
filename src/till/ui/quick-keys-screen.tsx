/** The quick-key screen: the store's pages of product keys, one page at a time. */
import { Box } from "ink";
import { quickKeyLines } from "./quick-keys-grid.ts";
import { Filler, Lines } from "./rows.tsx";
import { wrap } from "./text.ts";
import type { BodyProps } from "./view.ts";

export function QuickKeysScreen({ view, height }: BodyProps) {
  const { state, t, columns, settings } = view;
  if (state.screen.kind !== "quickKeys") return null;
  const lines = [
    ...quickKeyLines(settings.quickKeys.pages, state.screen.page, columns),
    ...(state.screen.quantity === undefined
      ? []
      : wrap(
          t.t("quickKeys.quantity", { qty: state.screen.quantity.replace(/\s*[*xX×]\s*$/, "") }),
          columns,
        )),
    ...wrap(t.t("quickKeys.hint"), columns),
  ];
  const shown = lines.slice(0, height);
  return (
    <Box flexDirection="column" height={height}>
      <Lines lines={shown} width={columns} />
      <Filler rows={height - shown.length} />
    </Box>
  );
}
