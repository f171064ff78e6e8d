/** `ringup devices test`: checks each configured device and reports plainly; exit 1 if any failed. */
import { runDevicesTest } from "../devices/index.ts";
import type { CliIo } from "../shared/cli-io.ts";
import type { DevicesOptions } from "./options.ts";

export async function runDevices(options: DevicesOptions, io: CliIo): Promise<void> {
  const result = await runDevicesTest(
    {
      printer: options.printer,
      scale: options.scale,
      display: options.display,
      drawer: options.drawer,
      locale: options.lang,
    },
    (line) => io.out(line),
  );
  if (!result.ok) process.exitCode = 1;
}
