/** Shapes of the audit API. */
import { z } from "zod";

/** Any action name the audit log accepts (features may add their own dotted names). */
export const AUDIT_ACTION_PATTERN = /^[a-z][a-z0-9_]*(\.[a-z][a-z0-9_]*)+$/;

const instant = z.iso.datetime({ error: "must be an ISO 8601 UTC time such as 2026-03-02T15:00:00Z" });

export const auditQuerySchema = z
  .object({
    userId: z.string().min(1).max(64).optional(),
    tillId: z.string().min(1).max(16).optional(),
    action: z
      .string()
      .max(64)
      .regex(AUDIT_ACTION_PATTERN, "must be a dotted action such as user.login or pin.failed")
      .optional(),
    from: instant.optional(),
    to: instant.optional(),
    limit: z.coerce.number().int().min(1).max(1000).default(100),
  })
  .refine((q) => !q.from || !q.to || q.from < q.to, { message: "from must be before to", path: ["from"] });
export type AuditQuery = z.infer<typeof auditQuerySchema>;

export interface AuditEntry {
  id: number;
  at: string;
  action: string;
  userId: string | null;
  userName: string | null;
  tillId: string | null;
  approvedBy: string | null;
  approvedByName: string | null;
  refId: string | null;
  detail: unknown;
}
