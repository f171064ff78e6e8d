export type { AuditEntry, AuditQuery } from "../../api/store/audit.ts";
export { AUDIT_ACTION_PATTERN, AUDIT_ACTIONS, type AuditAction } from "./actions.ts";
export { auditRoutes } from "./routes.ts";
export { type AuditInput, AuditService, recordAudit } from "./service.ts";
