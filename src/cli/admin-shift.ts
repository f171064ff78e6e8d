/**
 * `ringup admin shift open|cash|close|list`: a till's shift from the back office. Amounts are
 * decimal strings ("150", "20.50", "-5") converted exactly to minor units with the store's
 * currency (GET /settings), then sent to the store's shifts API.
 */
import { z } from "zod";
import { storeRoutes } from "../api/store/routes.ts";
import { currencyExponent, minorToDecimalString, parseMoneyToMinor } from "../core/money.ts";
import type { CliIo } from "../shared/cli-io.ts";
import { type AdminClient, AdminError } from "./admin-client.ts";

const tillId = z
  .string()
  .regex(/^[A-Za-z0-9_]{1,16}$/, "must be a till id: 1–16 letters, digits or underscores");
const amountText = z.string().trim().min(1, "give an amount, e.g. 150 or 20.50");

export const shiftOpenArgsSchema = z.object({ till: tillId, float: amountText });
export const shiftCashArgsSchema = z.object({
  till: tillId,
  amount: amountText,
  reason: z.string().trim().min(1, "give a reason").max(200, "must be at most 200 characters"),
});
export const shiftCloseArgsSchema = z.object({ till: tillId, counted: amountText });
export const shiftListArgsSchema = z.object({
  till: tillId.optional(),
  status: z.enum(["open", "closed"], { error: "must be open or closed" }).optional(),
});

interface Money {
  exponent: number;
  currency: string;
  parse(text: string, flag: string): number;
  text(minor: number): string;
}

export async function storeMoney(client: AdminClient): Promise<Money> {
  const { currency } = await client.request(storeRoutes["GET /api/v1/settings"]);
  const exponent = currencyExponent(currency);
  return {
    exponent,
    currency,
    parse(text, flag) {
      try {
        return parseMoneyToMinor(text.replace(/^\+/, ""), exponent);
      } catch (err) {
        throw new AdminError(`${flag} ${err instanceof Error ? err.message : String(err)} (${currency})`);
      }
    },
    text: (minor) => `${minorToDecimalString(minor, exponent)} ${currency}`,
  };
}

function positive(minor: number, flag: string, what: string): number {
  if (minor < 0) throw new AdminError(`${flag} must not be negative: give ${what}`);
  return minor;
}

async function currentShift(client: AdminClient, till: string) {
  return client.request(storeRoutes["GET /api/v1/shifts/current"], { query: { tillId: till } });
}

export async function runShiftOpen(
  client: AdminClient,
  args: z.infer<typeof shiftOpenArgsSchema>,
  json: boolean,
  io: CliIo,
): Promise<void> {
  const money = await storeMoney(client);
  const floatMinor = positive(money.parse(args.float, "--float"), "--float", "the cash in the drawer");
  const shift = await client.request(storeRoutes["POST /api/v1/shifts"], {
    body: { tillId: args.till, floatMinor },
  });
  io.out(
    json
      ? JSON.stringify(shift, null, 2)
      : `opened shift ${shift.id} at till ${shift.tillId} with a float of ${money.text(shift.floatMinor)}`,
  );
}

export async function runShiftCash(
  client: AdminClient,
  args: z.infer<typeof shiftCashArgsSchema>,
  json: boolean,
  io: CliIo,
): Promise<void> {
  const money = await storeMoney(client);
  const minor = money.parse(args.amount, "--amount");
  if (minor === 0)
    throw new AdminError("--amount must not be zero: +AMOUNT puts cash in, -AMOUNT takes it out");
  const shift = await currentShift(client, args.till);
  const moved = await client.request(storeRoutes["POST /api/v1/shifts/:id/cash"], {
    params: { id: shift.id },
    body: { kind: minor > 0 ? "in" : "out", amountMinor: Math.abs(minor), reason: args.reason },
  });
  if (json) {
    io.out(JSON.stringify(moved, null, 2));
    return;
  }
  const verb = moved.kind === "in" ? "put" : "took";
  const where = moved.kind === "in" ? "into" : "out of";
  io.out(
    `${verb} ${money.text(moved.amountMinor)} ${where} the drawer of till ${args.till}; it should now hold ${money.text(moved.expectedCashMinor)}`,
  );
  if (moved.exceedsExpectedCash) io.err("note: more cash was taken out than the drawer should hold");
}

export async function runShiftClose(
  client: AdminClient,
  args: z.infer<typeof shiftCloseArgsSchema>,
  json: boolean,
  io: CliIo,
): Promise<void> {
  const money = await storeMoney(client);
  const cash = positive(money.parse(args.counted, "--counted"), "--counted", "the cash counted");
  const shift = await currentShift(client, args.till);
  const report = await client.request(storeRoutes["POST /api/v1/shifts/:id/close"], {
    params: { id: shift.id },
    body: { counted: { cash } },
  });
  if (json) {
    io.out(JSON.stringify(report, null, 2));
    return;
  }
  const difference = (report.cash.countedMinor ?? cash) - report.cash.expectedMinor;
  const sign = difference > 0 ? "+" : "";
  io.out(
    [
      `closed shift ${shift.id} at till ${args.till}: Z report ${report.zNumber ?? "?"}`,
      `  expected cash ${money.text(report.cash.expectedMinor)}`,
      `  counted cash  ${money.text(report.cash.countedMinor ?? cash)}`,
      `  difference    ${sign}${money.text(difference)}${difference === 0 ? "" : difference > 0 ? " (over)" : " (short)"}`,
    ].join("\n"),
  );
}

export async function runShiftList(
  client: AdminClient,
  args: z.infer<typeof shiftListArgsSchema>,
  json: boolean,
  io: CliIo,
): Promise<void> {
  const { shifts } = await client.request(storeRoutes["GET /api/v1/shifts"], {
    query: { tillId: args.till || undefined, status: args.status || undefined },
  });
  if (json) {
    io.out(JSON.stringify({ shifts }, null, 2));
    return;
  }
  if (shifts.length === 0) {
    io.out("no shifts");
    return;
  }
  const money = await storeMoney(client);
  io.out(`${"till".padEnd(16)} ${"status".padEnd(6)} ${"opened".padEnd(24)} ${"float".padStart(16)}  Z`);
  for (const s of shifts) {
    io.out(
      `${s.tillId.padEnd(16)} ${s.status.padEnd(6)} ${s.openedAt.padEnd(24)} ${money.text(s.floatMinor).padStart(16)}  ${s.zNumber ?? "-"}`,
    );
  }
}
