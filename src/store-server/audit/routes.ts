import { Elysia } from "elysia";
import { requireRole } from "../auth/tokens.ts";
import type { StoreContext } from "../context.ts";
import { requireAuth } from "../http/auth-plugin.ts";
import { auditQuerySchema } from "./model.ts";
import { AuditService } from "./service.ts";

export function auditRoutes(ctx: StoreContext, service = new AuditService(ctx)) {
  return new Elysia({ name: "ringup.store.audit" }).use(requireAuth(ctx)).get(
    "/audit",
    ({ query, principal }) => {
      requireRole(principal, "manager", "reading the audit log");
      return { entries: service.query(query) };
    },
    {
      query: auditQuerySchema,
      detail: { summary: "Cashier actions by user, till, action and time, newest first" },
    },
  );
}
