/**
 * The doctor's check of a store's journal against head office's copy (with the store's HQ
 * link from its configuration): a journal behind or forked from what head office applied is a
 * FAIL with the fix, never green.
 */
import { Database } from "bun:sqlite";
import { join } from "node:path";
import { readSecretFile } from "../../shared/secrets.ts";
import { createJournalLink } from "../../store-server/hq-link/journal-link.ts";
import { compareWithHqCopy, journalHead } from "../../store-server/replication/divergence.ts";
import { type CheckResult, errorText, fail, ok, warn } from "./report.ts";
import { DATABASE_FILES, type Setup } from "./setup.ts";

export async function hqJournalCheck(setup: Setup): Promise<CheckResult[]> {
  if (setup.mode !== "store") return [];
  const { hqUrl, hqToken, hqTokenFile, storeId, data } = setup.options;
  // Without a link to head office there is nothing to compare with (the store's own pointer
  // check over NATS reports a divergence in its /health).
  if (hqUrl === undefined) return [];
  let sqlite: Database;
  try {
    sqlite = new Database(join(data, DATABASE_FILES.store), { readonly: true });
  } catch (err) {
    return [
      fail("hq journal", `cannot open the store database: ${errorText(err)}`, "see the database check"),
    ];
  }
  try {
    const token = hqToken ?? (hqTokenFile ? readSecretFile(hqTokenFile, "hqTokenFile", () => undefined) : "");
    const link = createJournalLink({ url: hqUrl, token, storeId, timeoutMs: 3_000 });
    const head = journalHead(sqlite);
    const answer = await link.events(head.seq, 1);
    const finding = compareWithHqCopy(sqlite, storeId, answer);
    if (finding === null) {
      return [
        ok(
          "hq journal",
          `the journal (event ${head.seq}) matches head office's copy (applied up to ${answer.appliedSeq})`,
        ),
      ];
    }
    return [fail("hq journal", `diverged (${finding.kind}): ${finding.message}`, finding.fix)];
  } catch (err) {
    return [
      warn(
        "hq journal",
        `cannot compare the journal with head office's copy: ${errorText(err)}`,
        "check hqUrl, the store's token (hqTokenFile) and that head office runs",
      ),
    ];
  } finally {
    sqlite.close();
  }
}
