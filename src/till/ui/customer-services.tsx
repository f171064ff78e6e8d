/** A customer's service card on the customers screen: their packages and service visits. */
import { Box } from "ink";
import type { TillServiceCard } from "../booking-types.ts";
import { Filler, Lines, Row } from "./rows.tsx";
import { clip, padEnd, spread } from "./text.ts";
import type { BodyProps } from "./view.ts";

export function CustomerServices({
  view,
  height,
  name,
  card,
}: BodyProps & { name: string; card: TillServiceCard }) {
  const { t, columns } = view;
  const packages = card.packages.map((p) =>
    t.t("customers.package", {
      code: p.packageCode,
      service: p.serviceCode,
      left: p.visitsLeft,
      total: p.visitsTotal,
    }),
  );
  const visits = card.visits.map((v) =>
    spread(
      `${v.at.slice(0, 10)}  ${padEnd(clip(v.name, 28), 29)}${clip(v.staffId ?? "", 20)}`,
      v.packageId !== null ? t.t("customers.byPackage") : t.amount(v.totalMinor),
      columns,
    ),
  );
  const lines = [
    ...(packages.length === 0 ? [t.t("customers.noPackages")] : packages),
    t.t("customers.visits"),
    ...(visits.length === 0 ? [t.t("customers.noVisits")] : visits),
  ];
  const listRows = Math.max(1, height - 2);
  const shown = lines.slice(0, listRows);
  return (
    <Box flexDirection="column" height={height}>
      <Row text={t.t("customers.services", { name })} width={columns} bold />
      <Lines lines={shown} width={columns} selected={-1} />
      <Filler rows={listRows - shown.length} />
      <Row text={t.t("customers.servicesHint")} width={columns} dim />
    </Box>
  );
}
