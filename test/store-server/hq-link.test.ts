/**
 * The store's link to head office reports what head office said when it refuses the store's
 * token: its error message, or the start of a body that is not one.
 */
import { describe, expect, test } from "bun:test";
import { createHqLink, HqRefusedError } from "../../src/store-server/hq-link/hq-link.ts";

function answering(status: number, body: string): typeof fetch {
  return (async () => new Response(body, { status })) as unknown as typeof fetch;
}

async function refusal(status: number, body: string): Promise<HqRefusedError> {
  const link = createHqLink({ url: "http://hq.test", token: "t", fetch: answering(status, body) });
  const err = await link.findSale("S1-T1-000001", "the return").catch((e: unknown) => e);
  expect(err).toBeInstanceOf(HqRefusedError);
  return err as HqRefusedError;
}

describe("store's link to head office", () => {
  test("a 401 with head office's error body names its message", async () => {
    const err = await refusal(
      401,
      JSON.stringify({ error: { code: "UNAUTHORIZED", message: "token revoked" } }),
    );
    expect(err.message).toContain("HTTP 401: token revoked");
  });

  test("a 401 without a JSON body names the first 200 characters of the body", async () => {
    const body = `Unauthorized by the proxy ${"x".repeat(300)}`;
    const err = await refusal(401, body);
    expect(err.message).toContain(`HTTP 401: ${body.slice(0, 200)})`);
  });
});
