/**
 * What the store needs of a label printer: its resolution and a way to print laid-out labels.
 * The drivers (src/devices/label) implement it; the store is handed the opener when it starts,
 * so the store server itself never imports a device.
 */
import type { LabelLayout } from "./layout.ts";

export interface LabelPrinter {
  /** Where the printer is and its language: "tcp://10.0.0.7:9100 (zpl)". */
  readonly description: string;
  /** Dots per millimetre: 8 at 203 dpi, 12 at 300 dpi. */
  readonly dpmm: number;
  /** Renders the labels in the printer's language and sends them as one job. */
  print(layouts: readonly LabelLayout[], locale: string): Promise<void>;
  close(): Promise<void>;
}

/** Opens a label printer from its URI (refusing a bad one with DEVICE_URI_INVALID). */
export type OpenLabelPrinter = (uri: string) => LabelPrinter;
