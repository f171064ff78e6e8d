/**
 * Devices: one interface per kind (receipt printer, cash drawer, scale, scanner, customer
 * display, payment terminal), each with real drivers and a simulated one, opened from a URI.
 * The till uses devices only through what this file exports.
 */

export {
  type DevicesTestOptions,
  type DeviceTestResult,
  runDevicesTest,
  testReceipt,
} from "./devices-test.ts";
export {
  type CustomerDisplay,
  type DisplayResult,
  PoleDisplay,
  SimulatedDisplay,
} from "./display/customer-display.ts";
export type { DisplayProtocol } from "./display/display-emulator.ts";
export {
  type DisplayLines,
  type DisplayMoney,
  itemLines,
  thankYouLines,
  totalLines,
  welcomeLines,
} from "./display/display-text.ts";
export { type OpenDisplayOptions, openDisplay } from "./display/open-display.ts";
export {
  type CashDrawer,
  DRAWER_REASONS,
  type DrawerContext,
  type DrawerOpening,
  type DrawerReason,
  printerDrawer,
  simulatedDrawer,
} from "./drawer/cash-drawer.ts";
export {
  DeviceProtocolError,
  DeviceUnavailableError,
  DeviceUriError,
  PrinterNotReadyError,
} from "./errors.ts";
export { type DecodedJob, decodeEscPos, type EscPosCommand } from "./escpos/decode.ts";
export { type PrintDocument, renderDocument } from "./escpos/render.ts";
export type { PrinterStatus } from "./escpos/status.ts";
export { type OpenPaymentTerminalOptions, openPaymentTerminal } from "./payment/open-payment-terminal.ts";
export { type PayByCardOptions, type PayByCardOutcome, payByCard } from "./payment/pay-by-card.ts";
export {
  type AuthorizeOptions,
  describePayment,
  type PaymentRequest,
  type PaymentResult,
  type PaymentTerminal,
} from "./payment/payment-terminal.ts";
export {
  type SimulatedOutcome,
  SimulatedTerminal,
  type StandaloneAnswer,
  type StandalonePrompt,
  StandaloneTerminal,
} from "./payment/terminals.ts";
export { NothingToReprintError } from "./printer/escpos-printer.ts";
export { type OpenPrinterOptions, openPrinter, SimulatedPrinter } from "./printer/open-printer.ts";
export type {
  PrinterEvent,
  PrinterProblem,
  PrinterStatusReport,
  PrintJob,
  PrintJobState,
  ReceiptPrinter,
} from "./printer/printer.ts";
export { type OpenScaleOptions, openScale, SimulatedScale } from "./scale/open-scale.ts";
export { SCALE_PROTOCOLS, type ScaleProtocolName } from "./scale/protocol.ts";
export {
  describeReading,
  type ReadStableOptions,
  type Scale,
  type ScaleReading,
  type WeightUnit,
} from "./scale/scale.ts";
export { openScanner } from "./scanner/open-scanner.ts";
export {
  KeyboardWedgeScanner,
  type Scanner,
  SerialScanner,
  SimulatedScanner,
  type Terminator,
} from "./scanner/scanner.ts";
export { ALLOWED_SCHEMES, type DeviceKind, parseDeviceUri } from "./uri.ts";
