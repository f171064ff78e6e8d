/**
 * The store's departments as the till last synced them (`GET /departments`, a short list kept
 * whole in the till's meta table): the departments a cashier may ring an amount to, their
 * open-ring limits, and the customer's age their items need.
 */
import { z } from "zod";
import { type Department, departmentSchema } from "../../core/open-department.ts";
import type { TillProduct } from "../services.ts";
import type { MetaStore } from "./db.ts";

const storedSchema = z.array(departmentSchema);

export class LocalDepartments {
  private list: Department[] | null = null;

  constructor(private readonly meta: MetaStore) {}

  /** Every department, by number where the ids are numbers (CORE-POS style), else by id. */
  all(): Department[] {
    if (this.list === null) {
      const raw = this.meta.get("departments");
      const parsed = raw === null ? null : storedSchema.safeParse(JSON.parse(raw));
      this.list = parsed?.success ? parsed.data : [];
    }
    return this.list;
  }

  byId(id: string): Department | undefined {
    return this.all().find((d) => d.id === id);
  }

  /** Keeps the store's list; answers whether it changed. */
  keep(departments: readonly Department[]): boolean {
    const sorted = [...departments].sort(
      (a, b) => Number(a.id) - Number(b.id) || a.id.localeCompare(b.id, "en"),
    );
    const json = JSON.stringify(sorted);
    if (json === this.meta.get("departments")) return false;
    this.meta.set("departments", json);
    this.list = sorted;
    return true;
  }

  /** The product with the age it needs: its own, else its department's. */
  withAge(product: TillProduct): TillProduct {
    if (product.minAge !== null && product.minAge !== undefined) return product;
    const inherited = product.department === null ? null : (this.byId(product.department)?.minAge ?? null);
    return { ...product, minAge: inherited };
  }
}
