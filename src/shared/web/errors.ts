/** The web console's own domain errors (a form's input, its CSRF token, a scope it needs). */
import { featureErrors } from "../../core/errors.ts";

export class ConsoleError extends featureErrors({
  /** A form's fields failed their schema; the message names each field and why. */
  INVALID_FORM: "invalid",
  /** A form was sent without the CSRF token of the session (or from another site). */
  CSRF: "forbidden",
  /** The session's token lacks the scope an action needs. */
  SCOPE: "forbidden",
  /** No session (or an expired one) on a form that needs it. */
  SIGNED_OUT: "unauthorized",
  /** A report with more rows than one export file holds (src/shared/web/xlsx.ts). */
  EXPORT_TOO_LARGE: "invalid",
}) {}
