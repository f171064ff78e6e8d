/**
 * Device errors. Each says what is wrong in words a cashier or sysadmin can act on; the till
 * shows `message` on its status line.
 */
import { DomainError } from "../core/errors.ts";

/** A device URI that cannot be used: wrong scheme for the device, bad path, bad parameter. */
export class DeviceUriError extends DomainError {
  readonly code = "DEVICE_URI_INVALID";
}

/** The device is not there: unplugged, powered off, wrong address, or not answering. */
export class DeviceUnavailableError extends DomainError {
  readonly code = "DEVICE_UNAVAILABLE";
  override readonly kind = "conflict";
}

/** The printer answered that it cannot print now. */
export class PrinterNotReadyError extends DomainError {
  readonly code: "PRINTER_OFFLINE" | "PRINTER_PAPER_OUT" | "PRINTER_COVER_OPEN";
  override readonly kind = "conflict";
  constructor(code: PrinterNotReadyError["code"], message: string, details?: unknown) {
    super(message, details);
    this.code = code;
  }
}

/** A device answered with something its protocol does not allow. */
export class DeviceProtocolError extends DomainError {
  readonly code = "DEVICE_PROTOCOL_ERROR";
  override readonly kind = "conflict";
}

/** A short message for any error a driver may meet. */
export function describeError(error: unknown): string {
  if (error instanceof Error) return error.message;
  return String(error);
}
