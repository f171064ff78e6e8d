/**
 * The products, categories and departments a set of promotions names (in their conditions and
 * rewards), and whether a line is among them.
 */
import type { CompiledPromotion, LineSpec } from "./book.ts";

export interface Names {
  products: Set<string>;
  categories: Set<string>;
  departments: Set<string>;
}

/** A line as promotions name it. */
export interface NamedLine {
  code: string;
  department?: string | null | undefined;
  categories?: readonly string[] | undefined;
}

export function namesOf(promotions: readonly CompiledPromotion[]): Names {
  const names: Names = { products: new Set(), categories: new Set(), departments: new Set() };
  const add = (into: Set<string>, from: ReadonlySet<string> | null) => {
    if (from !== null) for (const name of from) into.add(name);
  };
  for (const p of promotions) {
    for (const spec of [p.condition, p.reward]) {
      if (spec === null) continue;
      add(names.products, spec.products);
      add(names.categories, spec.categories);
      add(names.departments, spec.departments);
    }
  }
  return names;
}

/** Whether the names (or a spec) name the line: by its product, department or a category. */
export function namesLine(names: Names | LineSpec, line: NamedLine): boolean {
  if (names.products?.has(line.code)) return true;
  if (line.department != null && names.departments?.has(line.department)) return true;
  const { categories } = names;
  return categories != null && categories.size > 0 && (line.categories ?? []).some((c) => categories.has(c));
}
