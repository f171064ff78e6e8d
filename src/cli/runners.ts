/**
 * Lazy entry points of each mode. A mode's code is imported only when it runs, so starting
 * the till never loads the servers (and the other way round).
 */

import type { HqOptions } from "../hq/options.ts";
import type { KdsOptions } from "../kds/options.ts";
import type { CliIo } from "../shared/cli-io.ts";
import type { StoreOptions } from "../store-server/options.ts";
import type { DemoOptions } from "./demo.ts";
import type { AdminOptions, DevicesOptions } from "./options.ts";

type Run<O> = (options: O, io: CliIo) => Promise<void>;

/**
 * Elysia's production error formatting, whatever the environment says: outside it, a
 * validation error pretty-prints the whole offending input, at a cost that grows with the
 * square of its nesting depth. Elysia reads NODE_ENV once, when it is first imported.
 */
function serverErrorFormatting(): void {
  process.env.NODE_ENV = "production";
}

export const runners = {
  store: async (): Promise<Run<StoreOptions>> => {
    serverErrorFormatting();
    const { runStore } = await import("../store-server/main.ts");
    const { openKitchenPrinter } = await import("./kitchen-printer.ts");
    const { openLabelPrinter } = await import("../devices/label/open-label-printer.ts");
    const { openLabelScale } = await import("../devices/label-scale/ringup-line-scale.ts");
    return (options, io) =>
      runStore(options, io, {
        openKitchenPrinter,
        labelPrinters: openLabelPrinter,
        labelScales: openLabelScale,
      });
  },
  hq: async (): Promise<Run<HqOptions>> => {
    serverErrorFormatting();
    return (await import("../hq/main.ts")).runHq;
  },
  kds: async (): Promise<Run<KdsOptions>> => {
    process.env.NODE_ENV ??= "production";
    return (await import("../kds/main.ts")).runKds;
  },
  admin: async (): Promise<
    (options: AdminOptions, command: string, args: Record<string, unknown>, io: CliIo) => Promise<void>
  > => (await import("./admin.ts")).runAdmin,
  devices: async (): Promise<Run<DevicesOptions>> => (await import("./devices.ts")).runDevices,
  demo: async (): Promise<(options: DemoOptions, io: CliIo) => Promise<void>> =>
    (await import("./demo.ts")).runDemo,
};
