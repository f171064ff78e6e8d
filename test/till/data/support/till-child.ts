/**
 * A till data layer in its own process, to be killed with SIGKILL by a test: it completes
 * `count` cash sales of one line of `code`, prints `kept <id,id,…>` once they are in the
 * outbox, and waits to be killed.
 *
 *   bun till-child.ts <server> <dataDir> <cashierId> <code> <count>
 */
import { createTillServices } from "../../../../src/till/data/index.ts";
import { cashSale } from "./till-fixture.ts";

const [server, dataDir, cashierId, code, count] = process.argv.slice(2);
if (!server || !dataDir || !cashierId || !code || !count) {
  console.error("usage: till-child.ts <server> <dataDir> <cashierId> <code> <count>");
  process.exit(2);
}
const till = await createTillServices({ server, tillId: "T1", dataDir, syncIntervalMs: 60_000 });
const ids: string[] = [];
for (let i = 0; i < Number(count); i++) {
  const sale = cashSale(till, cashierId, [{ code, qtyMilli: 1000 }], 1000);
  await till.completeSale(sale);
  ids.push(sale.id);
}
console.log(`kept ${ids.join(",")}`);
setInterval(() => {}, 60_000);
