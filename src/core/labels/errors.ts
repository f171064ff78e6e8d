/**
 * The domain errors of shelf labels: each code with its kind. A template that cannot fit its
 * label, or a product whose price or barcode cannot fit its field, is refused before anything
 * is sent to a printer.
 */
import { featureErrors } from "../errors.ts";

export class LabelError extends featureErrors({
  LABEL_FIELD_DOES_NOT_FIT: "invalid",
}) {}

export type LabelErrorCode = LabelError["code"];
