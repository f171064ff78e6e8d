/**
 * `ringup hq dead-letters list|show ID|retry ID|discard ID --reason TEXT`: an operator works
 * head office's dead letters through its API with the admin token: sees each one's reason and
 * message, retries one after a fix, or discards one with a recorded reason.
 */
import { z } from "zod";
import type { DeadLetterAnswer } from "../api/hq/dead-letters.ts";
import { hqRoutes } from "../api/hq/routes.ts";
import type { CliIo } from "../shared/cli-io.ts";
import { AdminClient, AdminError } from "./admin-client.ts";
import type { AdminOptions } from "./options.ts";

export type DeadLettersCommand = "list" | "show" | "retry" | "discard";

const idArg = z.coerce.number().int().min(1);
const argsSchema = z.object({
  id: z.string().optional(),
  reason: z.string().optional(),
  store: z.string().optional(),
  all: z.boolean().optional(),
});

function idOf(value: string | undefined): number {
  const parsed = idArg.safeParse(value);
  if (!parsed.success)
    throw new AdminError("give the dead letter's id, as 'ringup hq dead-letters list' shows");
  return parsed.data;
}

function line(d: DeadLetterAnswer): string {
  const where = `${d.storeId ?? "?"}${d.seq === null ? "" : ` #${d.seq}`}`;
  const state =
    d.resolution === null ? "open" : `${d.resolution} ${d.resolvedAt ?? ""} by ${d.resolvedBy ?? "?"}`;
  return `  ${d.id}  ${where}  ${d.reason}  ${d.receivedAt}  ${state}\n      ${d.message}`;
}

export async function runDeadLetters(
  options: AdminOptions,
  command: DeadLettersCommand,
  rawArgs: Record<string, unknown>,
  io: CliIo,
): Promise<void> {
  const args = argsSchema.parse(rawArgs);
  const ca = options.ca === undefined ? undefined : await Bun.file(options.ca).text();
  const client = new AdminClient(options.server, options.token, undefined, ca);
  if ((await client.mode()) !== "hq") {
    throw new AdminError(`${options.server} is not head office: dead letters are head office's`);
  }
  const print = (value: unknown, text: string) =>
    io.out(options.json ? JSON.stringify(value, null, 2) : text);
  switch (command) {
    case "list": {
      const answer = await client.request(hqRoutes["GET /api/v1/dead-letters"], {
        query: { status: args.all ? "all" : "open", ...(args.store ? { storeId: args.store } : {}) },
      });
      const rows = answer.deadLetters;
      print(
        answer,
        rows.length === 0
          ? "no open dead letters"
          : [`dead letters (id, store #seq, reason, received, state):`, ...rows.map(line)].join("\n"),
      );
      return;
    }
    case "show": {
      const d = await client.request(hqRoutes["GET /api/v1/dead-letters/:id"], {
        params: { id: String(idOf(args.id)) },
      });
      print(
        d,
        [
          line(d),
          `  subject: ${d.subject}`,
          `  event: ${d.eventId ?? "(none readable)"}`,
          `  holds back: ${d.heldBack} event(s) of ${d.storeId ?? "no store"}`,
          ...(d.note ? [`  discarded because: ${d.note}`] : []),
          "  message as received:",
          d.payload === null ? d.data : JSON.stringify(d.payload, null, 2),
        ].join("\n"),
      );
      return;
    }
    case "retry": {
      const r = await client.request(hqRoutes["POST /api/v1/dead-letters/:id/retry"], {
        params: { id: String(idOf(args.id)) },
      });
      print(
        r,
        `dead letter ${r.deadLetter.id}: ${r.outcome}; ${r.deadLetter.storeId ?? "?"} is applied up to ${r.lastSeq ?? "?"}`,
      );
      return;
    }
    case "discard": {
      const reason = args.reason?.trim();
      if (!reason) throw new AdminError("discard needs --reason TEXT: say why, it is recorded");
      const r = await client.request(hqRoutes["POST /api/v1/dead-letters/:id/discard"], {
        params: { id: String(idOf(args.id)) },
        body: { reason },
      });
      print(
        r,
        `dead letter ${r.deadLetter.id} discarded${r.skipped ? `; the events held back behind it follow: ${r.deadLetter.storeId} is applied up to ${r.lastSeq ?? "?"}` : ""}`,
      );
      return;
    }
  }
}
