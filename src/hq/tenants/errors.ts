/**
 * The domain errors of tenants: each code with its kind. The CLI says the code and the message;
 * the dispatcher answers a suspended tenant's requests with its status.
 */
import { featureErrors } from "../../core/errors.ts";

export class TenantError extends featureErrors({
  TENANT_ID_INVALID: "invalid",
  TENANT_EXISTS: "conflict",
  TENANT_NOT_FOUND: "not_found",
  TENANT_SUSPENDED: "forbidden",
  TENANT_EXPORT_POSTGRES: "invalid",
}) {}

export type TenantErrorCode = TenantError["code"];
