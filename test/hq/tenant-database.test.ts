/** Which database a tenant opens: the operator's for the default tenant, its own on PostgreSQL. */
import { describe, expect, test } from "bun:test";
import { tenantDatabase } from "../../src/hq/tenants/locate.ts";

describe("tenantDatabase", () => {
  test("on PostgreSQL each tenant has its own database on the same server", () => {
    expect(tenantDatabase("postgres://ringup:pw@db:5432/ringup_hq?sslmode=require", "beta-2")).toBe(
      "postgres://ringup:pw@db:5432/ringup_hq_t_beta_2?sslmode=require",
    );
    // Without a database name PostgreSQL uses the user's name.
    expect(tenantDatabase("postgresql://ringup@db", "acme")).toBe("postgresql://ringup@db/ringup_t_acme");
  });

  test("the default tenant keeps the operator's database; on SQLite a tenant has hq.db in its directory", () => {
    expect(tenantDatabase("postgres://db/ringup_hq", "default")).toBe("postgres://db/ringup_hq");
    expect(tenantDatabase(undefined, "default")).toBeUndefined();
    expect(tenantDatabase(undefined, "acme")).toBeUndefined();
    expect(tenantDatabase("sqlite:/srv/hq.db", "acme")).toBeUndefined();
  });

  test("a name longer than PostgreSQL allows is refused, naming it", () => {
    expect(() => tenantDatabase(`postgres://db/${"h".repeat(40)}`, "a".repeat(30))).toThrow(
      /longer than 63 bytes/,
    );
  });
});
