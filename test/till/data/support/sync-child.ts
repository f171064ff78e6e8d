/**
 * A till data layer in its own process, to be killed with SIGKILL by a test in the middle of a
 * catalog sync: it logs in with `pin` (which starts the first sync), prints `synced` if the
 * sync ends first, and waits to be killed.
 *
 *   bun sync-child.ts <server> <dataDir> <pin>
 */
import { createTillServices } from "../../../../src/till/data/index.ts";

const [server, dataDir, pin] = process.argv.slice(2);
if (!server || !dataDir || !pin) {
  console.error("usage: sync-child.ts <server> <dataDir> <pin>");
  process.exit(2);
}
const till = await createTillServices({ server, tillId: "T1", dataDir, syncIntervalMs: 3_600_000 });
await till.login(pin);
await till.syncNow();
console.log("synced");
setInterval(() => {}, 60_000);
