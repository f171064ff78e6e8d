/** Tenant ids and the tenant a token names: what routes a request, and what never does. */
import { describe, expect, test } from "bun:test";
import { TenantError } from "../../src/hq/tenants/errors.ts";
import { newTenantToken, parseTenantId, tenantOfToken } from "../../src/hq/tenants/ids.ts";

describe("tenant ids", () => {
  test("lowercase letters, digits and inner dashes, 1 to 32 characters", () => {
    for (const ok of ["a", "acme", "shop-2", "0", "a".repeat(32)]) expect(parseTenantId(ok)).toBe(ok);
  });

  test("anything else is TENANT_ID_INVALID, default included", () => {
    for (const bad of ["", "Acme", "a_b", "-a", "a-", "a.b", "a/b", "../a", "a".repeat(33), "default", "é"]) {
      let thrown: unknown;
      try {
        parseTenantId(bad);
      } catch (err) {
        thrown = err;
      }
      expect(thrown, bad).toBeInstanceOf(TenantError);
      expect((thrown as TenantError).code).toBe("TENANT_ID_INVALID");
    }
  });
});

describe("the tenant a token names", () => {
  test("a tenant's token names it; the default tenant's tokens and other strings name none", () => {
    const token = newTenantToken("shop-2");
    expect(token).toMatch(/^rgh_shop-2\.[A-Za-z0-9_-]{32}$/);
    expect(tenantOfToken(token)).toBe("shop-2");
    for (const other of [
      "rgh_AbCdEf0123456789abcdefABCDEF0123456789ab",
      "test_secret",
      "rgh_default.abc",
      "rgh_Acme.abc",
      "rgh_acme.",
      "rgh_acme.abc.def",
      "rgh_acme.abc def",
      `rgh_${"a".repeat(33)}.abc`,
    ]) {
      expect(tenantOfToken(other), other).toBeNull();
    }
  });
});
