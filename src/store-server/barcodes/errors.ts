/** The domain errors of in-store barcode assignment (besides InStoreBarcodeError of src/core). */
import { featureErrors } from "../../core/errors.ts";

export class BarcodeAssignError extends featureErrors({
  BARCODE_NOT_NEEDED: "invalid",
}) {}

export type BarcodeAssignErrorCode = BarcodeAssignError["code"];
