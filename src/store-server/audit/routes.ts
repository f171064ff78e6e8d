import { Elysia } from "elysia";
import { auditQuerySchema } from "../../api/store/audit.ts";
import { tillTraceRequestSchema } from "../../core/till-trace.ts";
import { requireRole } from "../auth/tokens.ts";
import type { StoreContext } from "../context.ts";
import { requireAuth } from "../http/auth-plugin.ts";
import { AuditService } from "./service.ts";
import { recordTillEntries } from "./till-entries.ts";

export function auditRoutes(ctx: StoreContext, service = new AuditService(ctx)) {
  return new Elysia({ name: "ringup.store.audit" })
    .use(requireAuth(ctx))
    .get(
      "/audit",
      ({ query, principal }) => {
        requireRole(principal, "manager", "reading the audit log");
        return { entries: service.query(query) };
      },
      {
        query: auditQuerySchema,
        detail: { summary: "Cashier actions by user, till, action and time, newest first" },
      },
    )
    .post(
      "/audit/till-entries",
      ({ body, principal, set }) => {
        const { answer, created } = recordTillEntries(ctx, body, principal);
        set.status = created ? 201 : 200;
        return answer;
      },
      {
        body: tillTraceRequestSchema,
        detail: {
          summary:
            "A till reports cashier actions that leave no sale (price checks, offline log-ins and PINs, reprints); each id is recorded once",
        },
      },
    );
}
