/**
 * The logger's net under its callers: a secret put in a known field is replaced, whatever the
 * line's nesting; and the readable form of a line (on a terminal) keeps its fields.
 */
import { expect, test } from "bun:test";
import { createLogger, REDACTED, readableLine } from "../../src/shared/log.ts";

function capture() {
  const lines: string[] = [];
  const logger = createLogger(
    { mode: "store", level: "info", sink: { kind: "stderr" } },
    { write: (line: string) => void lines.push(line) },
  );
  return { logger, lines };
}

test("PINs, tokens, authorization headers and card references in log fields are redacted", () => {
  const { logger, lines } = capture();
  logger.info(
    {
      pin: "482915",
      token: "rgp_secret_token_value",
      cardRef: "AUTH-1234",
      headers: { authorization: "Bearer rgp_other_secret" },
      body: { pin: "730264", code: "PAIR-CODE-1" },
      user: { adminToken: "adm_secret" },
    },
    "a line",
  );
  const text = lines.join("");
  for (const secret of [
    "482915",
    "rgp_secret_token_value",
    "AUTH-1234",
    "rgp_other_secret",
    "730264",
    "PAIR-CODE-1",
    "adm_secret",
  ]) {
    expect(text).not.toContain(secret);
  }
  expect(text).toContain(REDACTED);
});

test("a line read on a terminal: time, level, message, then its fields", () => {
  const { logger, lines } = capture();
  logger.child({ reqId: "r-1" }).warn({ status: 503, path: "/health" }, "GET /health 503");
  const readable = readableLine(lines[0] ?? "");
  expect(readable).toMatch(
    /^\d{4}-\d{2}-\d{2}T\S+Z WARN {2}GET \/health 503 reqId=r-1 status=503 path=\/health\n$/,
  );
});
