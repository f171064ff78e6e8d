/**
 * Checks the closures' hash chain from the first: names the first closure altered (its record
 * does not match its hash), missing (a gap in the numbers) or out of place (its previous-hash
 * does not link to the closure before it).
 */
import type { Database } from "bun:sqlite";
import { closureHash, closureRecordSchema } from "../../core/closures.ts";

export interface ClosuresCheck {
  ok: boolean;
  closures: number;
  problem?: { number: number; message: string };
}

export function verifyClosures(sqlite: Database): ClosuresCheck {
  const rows = sqlite
    .query<{ number: number; body: string; prevHash: string | null; hash: string }, []>(
      "SELECT number, body, prev_hash AS prevHash, hash FROM closures ORDER BY number",
    )
    .all();
  let prev: string | null = null;
  for (const [i, row] of rows.entries()) {
    const fail = (message: string): ClosuresCheck => ({
      ok: false,
      closures: i,
      problem: { number: row.number, message },
    });
    if (row.number !== i + 1)
      return fail(`closure ${i + 1} is missing: the closures jump from ${i} to ${row.number}`);
    let parsed: ReturnType<typeof closureRecordSchema.safeParse>;
    try {
      parsed = closureRecordSchema.safeParse(JSON.parse(row.body));
    } catch {
      return fail(`closure ${row.number} is unreadable (not JSON)`);
    }
    if (!parsed.success) return fail(`closure ${row.number} is unreadable (not a closure record)`);
    const { hash, ...unsealed } = parsed.data;
    if (hash !== row.hash || closureHash(unsealed) !== hash || parsed.data.number !== row.number) {
      return fail(`closure ${row.number} was altered: its content does not match its hash`);
    }
    if (row.prevHash !== prev || parsed.data.prevHash !== prev) {
      return fail(`closure ${row.number} does not follow closure ${row.number - 1}: the chain was broken`);
    }
    prev = hash;
  }
  return { ok: true, closures: rows.length };
}
