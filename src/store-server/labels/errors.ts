/**
 * The domain errors of the store's shelf labels (besides the layout's own, LabelError in
 * src/core/labels): each code with its kind. Services never speak HTTP.
 */
import { featureErrors } from "../../core/errors.ts";

export class LabelsError extends featureErrors({
  LABEL_TEMPLATE_NOT_FOUND: "not_found",
  LABEL_UNKNOWN_PRODUCT: "invalid",
  LABEL_UNKNOWN_DEPARTMENT: "invalid",
  LABEL_NOTHING_TO_PRINT: "invalid",
  LABEL_PRINTING_UNAVAILABLE: "unavailable",
}) {}

export type LabelsErrorCode = LabelsError["code"];
