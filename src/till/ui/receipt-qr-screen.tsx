/**
 * The last sale's link as a QR code, for the customer to scan off the screen with a phone: the
 * code on the left, what it is and the keys on the right. Error correction L on screen (a screen
 * is not creased like paper), which keeps a receipt's link at version 4: 37 × 19 cells at 80×24.
 */
import { Box } from "ink";
import { useMemo } from "react";
import { qrMatrix } from "../../devices/qr/matrix.ts";
import { QR_SCREEN_QUIET, qrBlocks, qrBlocksSize } from "./qr-blocks.ts";
import { Filler, Lines } from "./rows.tsx";
import { wrap } from "./text.ts";
import type { BodyProps } from "./view.ts";

const GAP = 2;

function drawing(url: string, height: number, columns: number): string[] | null {
  const matrix = qrMatrix(url, "L");
  // The standard's quiet zone is 4 modules; phones read 2, and 1 when the window is tight.
  for (const quiet of [QR_SCREEN_QUIET, 1]) {
    const size = qrBlocksSize(matrix, quiet);
    if (size.rows <= height && size.columns <= columns) return qrBlocks(matrix, quiet);
  }
  return null;
}

export function ReceiptQrScreen({ view, height }: BodyProps) {
  const { state, t, columns } = view;
  const last = state.lastSale;
  const url = last?.copyUrl ?? null;
  const blocks = useMemo(() => (url === null ? null : drawing(url, height, columns)), [url, height, columns]);
  if (last === null || url === null) return <Filler rows={height} />;
  const caption = t.t("receiptQr.caption", { receiptNo: last.receiptNo });
  const hint = t.t("receiptQr.hint");
  if (blocks === null) {
    const lines = [...wrap(t.t("receiptQr.tooSmall"), columns), "", ...wrap(url, columns)];
    return (
      <Box flexDirection="column" height={height}>
        <Lines lines={lines} width={columns} />
        <Filler rows={height - lines.length} />
      </Box>
    );
  }
  const qrWidth = [...(blocks[0] ?? "")].length;
  const sideWidth = Math.max(10, columns - qrWidth - GAP);
  const side = [...wrap(caption, sideWidth), "", ...wrap(url, sideWidth), "", ...wrap(hint, sideWidth)];
  const rows = blocks.map((line, i) => `${line}${" ".repeat(GAP)}${side[i] ?? ""}`);
  return (
    <Box flexDirection="column" height={height}>
      <Lines lines={rows} width={columns} />
      <Filler rows={height - rows.length} />
    </Box>
  );
}
