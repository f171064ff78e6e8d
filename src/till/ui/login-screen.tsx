/** The log-in (and lock) screen: the store's name, and the PIN typed as dots. */
import { Box } from "ink";
import { Filler, Row } from "./rows.tsx";
import type { BodyProps } from "./view.ts";

export function LoginScreen({ view, height }: BodyProps) {
  const { state, t, columns, settings } = view;
  const top = Math.max(0, Math.floor((height - 5) / 2));
  const center = (text: string) =>
    " ".repeat(Math.max(0, Math.floor((columns - [...text].length) / 2))) + text;
  return (
    <Box flexDirection="column" height={height}>
      <Filler rows={top} />
      <Row text={center(settings.storeName)} width={columns} bold />
      <Row text="" width={columns} />
      <Row text={center(t.t("login.prompt"))} width={columns} />
      <Row text="" width={columns} />
      <Row text={state.sale.lines.length > 0 ? center(t.t("login.saleKept")) : ""} width={columns} dim />
      <Filler rows={height - top - 5} />
    </Box>
  );
}
