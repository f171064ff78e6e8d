/**
 * The kitchen's stations (`[[kitchen.stations]]` in the store's configuration): which lines of a
 * round each one cooks (by the line's category, or its department), and the printer its tickets
 * print on. A station listing neither categories nor departments takes every other line; without
 * one, the first station does.
 */
import { z } from "zod";

const stationId = z
  .string()
  .regex(/^[A-Za-z0-9_-]{1,20}$/, "must be 1 to 20 letters, digits, dashes or underscores");
const ids = z.array(z.string().trim().min(1).max(40)).max(200);

export const kitchenStationSchema = z.strictObject({
  id: stationId,
  /** Shown at the top of the station's screen and slips ("Grill", "Bar"). */
  name: z.string().trim().min(1).max(30),
  categories: ids.default([]),
  departments: ids.default([]),
  /** A kitchen printer's URI (tcp://10.0.0.9:9100, file:/dev/usb/lp0…); none: the screen only. */
  printer: z.string().trim().min(1).max(200).optional(),
});
export type KitchenStation = z.infer<typeof kitchenStationSchema>;

export const kitchenSettingsSchema = z
  .strictObject({
    stations: z.array(kitchenStationSchema).min(1).max(20),
    /** A ticket is shown late (in red) on the kitchen display after this many minutes. */
    lateAfterMinutes: z.number().int().min(1).max(240).default(10),
    /** The longest pause between two attempts to print on a printer that is off (seconds). */
    printRetryMaxSeconds: z.number().int().min(1).max(600).default(30),
  })
  .superRefine((k, issues) => {
    const seen = new Set<string>();
    for (const [i, s] of k.stations.entries()) {
      if (seen.has(s.id))
        issues.addIssue({
          code: "custom",
          path: ["stations", i, "id"],
          message: `station "${s.id}" is repeated`,
        });
      seen.add(s.id);
    }
    const catchAll = k.stations.filter((s) => s.categories.length === 0 && s.departments.length === 0);
    if (catchAll.length > 1)
      issues.addIssue({
        code: "custom",
        path: ["stations"],
        message: "at most one station may list neither categories nor departments (it takes the other lines)",
      });
  });
export type KitchenSettings = z.infer<typeof kitchenSettingsSchema>;

/** The station a line goes to: by category first, then by department, else the default one. */
export function stationFor(
  settings: KitchenSettings,
  line: { categoryId?: string | undefined; departmentId?: string | undefined },
): KitchenStation {
  const { categoryId, departmentId } = line;
  const byCategory =
    categoryId === undefined ? undefined : settings.stations.find((s) => s.categories.includes(categoryId));
  if (byCategory) return byCategory;
  const byDepartment =
    departmentId === undefined
      ? undefined
      : settings.stations.find((s) => s.departments.includes(departmentId));
  if (byDepartment) return byDepartment;
  const fallback =
    settings.stations.find((s) => s.categories.length === 0 && s.departments.length === 0) ??
    settings.stations[0];
  if (fallback === undefined) throw new Error("kitchen settings without a station");
  return fallback;
}
