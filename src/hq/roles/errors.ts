/** The domain errors of head office's roles: each code with its kind. */
import { featureErrors } from "../../core/errors.ts";

export class RoleError extends featureErrors({
  UNKNOWN_ROLE: "invalid",
  ROLE_BUILT_IN: "invalid",
  ROLE_NOT_FOUND: "not_found",
  ROLE_IN_USE: "conflict",
}) {}
