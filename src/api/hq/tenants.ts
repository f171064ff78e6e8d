/**
 * Head office's tenants API, for the operator (an admin token of the default tenant): list the
 * tenants, create one (its admin token is in the answer and nowhere else), suspend and resume.
 */
import { z } from "zod";

export const tenantStatusSchema = z.enum(["active", "suspended"]);

export const tenantAnswerSchema = z.object({
  id: z.string(),
  status: tenantStatusSchema,
  createdAt: z.string(),
  suspendedAt: z.string().nullable(),
  /** The size of the tenant's database on disk, with its write-ahead log. */
  bytes: z.number().int(),
});

export const tenantsAnswerSchema = z.object({ tenants: z.array(tenantAnswerSchema) });

/** The id is checked by the service (TENANT_ID_INVALID says what is allowed). */
export const tenantInputSchema = z.strictObject({ id: z.string().min(1).max(64) });

export const createdTenantAnswerSchema = z.object({
  tenant: tenantAnswerSchema,
  /** The tenant's admin token, shown once. */
  token: z.string(),
});

export const tenantParamsSchema = z.object({ id: z.string().min(1).max(64) });
