/**
 * Dead letters at head office: readers of reports list them and see one's reason and message;
 * an admin retries one after a fix, or discards it with a reason (recorded on it, with who).
 */
import { Elysia } from "elysia";
import {
  deadLetterParamsSchema,
  deadLettersQuerySchema,
  discardInputSchema,
} from "../../api/hq/dead-letters.ts";
import { authorize } from "../auth/plugin.ts";
import type { HqContext } from "../context.ts";
import { type DeadLetterDesk, deadLetterDetail, listDeadLetters } from "../ingest/index.ts";

export function deadLettersRoutes(ctx: HqContext, desk: DeadLetterDesk) {
  const read = new Elysia()
    .use(authorize(ctx, ["reports:read"], "reading dead letters"))
    .get("/dead-letters", ({ query }) => ({ deadLetters: listDeadLetters(ctx.sqlite, query) }), {
      query: deadLettersQuerySchema,
      detail: { summary: "Messages head office could not apply (open ones by default), oldest first" },
    })
    .get("/dead-letters/:id", ({ params }) => deadLetterDetail(ctx.sqlite, params.id), {
      params: deadLetterParamsSchema,
      detail: {
        summary: "A dead letter: its reason, the message as received, and how many events it holds back",
      },
    });
  const work = new Elysia()
    .use(authorize(ctx, ["admin"], "working dead letters"))
    .post("/dead-letters/:id/retry", ({ params, principal }) => desk.retry(params.id, principal.name), {
      params: deadLetterParamsSchema,
      detail: {
        summary:
          "Apply a dead letter again after a fix; its store's held-back events follow in order (409 RETRY_FAILED: refused again, nothing changed)",
      },
    })
    .post(
      "/dead-letters/:id/discard",
      ({ params, body, principal }) => desk.discard(params.id, principal.name, body.reason),
      {
        params: deadLetterParamsSchema,
        body: discardInputSchema,
        detail: {
          summary:
            "Close a dead letter without applying it, with a reason; a store's next event is kept unapplied and the events after it follow",
        },
      },
    );
  return new Elysia({ name: "ringup.hq.dead-letters" }).use(read).use(work);
}
