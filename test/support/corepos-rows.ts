/** A CORE-POS `products.csv` row (48 columns) for tests: what the promotions importer reads, the rest plain. */
export function coreposRow(
  upc: string,
  name: string,
  price: string,
  method: string,
  groupPrice: string,
  quantity: string,
  mixMatch: string,
): string {
  const fields = Array.from({ length: 48 }, () => "0");
  Object.assign(fields, {
    0: upc,
    1: `"${name}"`,
    2: "",
    3: "",
    4: price,
    5: method,
    6: groupPrice,
    7: quantity,
    13: '"1900-01-01 00:00:00"',
    14: '"1900-01-01 00:00:00"',
    15: "10",
    21: mixMatch,
    36: "1",
  });
  return fields.join(",");
}
