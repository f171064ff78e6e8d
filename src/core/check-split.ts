/**
 * Splitting a restaurant check: by seat, by line, into N equal parts or into stated amounts.
 * Pure; amounts in minor units. Equal parts use the largest-remainder method so that the parts
 * always add up to the check to the minor unit; a split that does not add up is refused.
 */
import { allocateLargestRemainder } from "./allocation.ts";
import { featureErrors } from "./errors.ts";

export class CheckSplitError extends featureErrors({
  SPLIT_MISMATCH: "invalid",
  SPLIT_PARTS_INVALID: "invalid",
}) {}

/** A line of a check as far as splitting goes. */
export interface SplitLine {
  id: string;
  seat: number;
}

/** The lines of each seat, seats in order (seat 0: the table's shared lines). */
export function splitBySeat<L extends SplitLine>(lines: readonly L[]): L[][] {
  const seats = new Map<number, L[]>();
  for (const line of lines) seats.set(line.seat, [...(seats.get(line.seat) ?? []), line]);
  return [...seats.entries()].sort(([a], [b]) => a - b).map(([, group]) => group);
}

/**
 * Groups of line ids that must take every line exactly once (lines already paid are not in
 * `lines`): a line left out, named twice or unknown is refused, saying which.
 */
export function splitByLines<L extends SplitLine>(
  lines: readonly L[],
  groups: readonly (readonly string[])[],
): L[][] {
  const byId = new Map(lines.map((line) => [line.id, line]));
  const taken = new Set<string>();
  const unknown: string[] = [];
  const twice: string[] = [];
  for (const group of groups)
    for (const id of group) {
      if (!byId.has(id)) unknown.push(id);
      else if (taken.has(id)) twice.push(id);
      taken.add(id);
    }
  const missing = lines.filter((line) => !taken.has(line.id)).map((line) => line.id);
  if (unknown.length > 0 || twice.length > 0 || missing.length > 0) {
    const problems = [
      ...(missing.length > 0 ? [`${missing.length} line(s) in no group`] : []),
      ...(twice.length > 0 ? [`${twice.length} line(s) in two groups`] : []),
      ...(unknown.length > 0 ? [`${unknown.length} line(s) not open on this check`] : []),
    ];
    throw new CheckSplitError("SPLIT_MISMATCH", `the split does not add up: ${problems.join(", ")}`, {
      missing,
      twice,
      unknown,
    });
  }
  if (groups.some((group) => group.length === 0))
    throw new CheckSplitError("SPLIT_PARTS_INVALID", "every group of a split needs at least one line");
  return groups.map((group) => group.map((id) => byId.get(id) as L));
}

/** N parts of a total differing by at most one minor unit, the larger first, summing to the total. */
export function splitEqually(totalMinor: number, parts: number): number[] {
  if (!Number.isInteger(parts) || parts < 2 || parts > 50)
    throw new CheckSplitError("SPLIT_PARTS_INVALID", "a check splits into 2 to 50 equal parts", { parts });
  if (totalMinor < parts)
    throw new CheckSplitError(
      "SPLIT_PARTS_INVALID",
      `a check of ${totalMinor} minor units cannot be split into ${parts} parts`,
      { totalMinor, parts },
    );
  return allocateLargestRemainder(
    totalMinor,
    Array.from({ length: parts }, () => 1),
  );
}

/** Stated amounts: each above zero, and together exactly the total. */
export function splitByAmounts(totalMinor: number, amountsMinor: readonly number[]): number[] {
  if (amountsMinor.length < 2 || amountsMinor.some((a) => !Number.isSafeInteger(a) || a <= 0))
    throw new CheckSplitError("SPLIT_PARTS_INVALID", "a split needs at least two amounts, each above zero");
  const sum = amountsMinor.reduce((a, b) => a + b, 0);
  if (sum !== totalMinor)
    throw new CheckSplitError(
      "SPLIT_MISMATCH",
      `the split does not add up: the parts make ${sum}, the check is ${totalMinor} (${sum > totalMinor ? "over" : "short"} by ${Math.abs(sum - totalMinor)})`,
      { totalMinor, partsMinor: sum },
    );
  return [...amountsMinor];
}
