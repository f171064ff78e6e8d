/** Each category of a tree with the categories above it: a promotion on one meets those under it. */
export function categoryChains(
  categories: readonly { id: string; parent: string | null }[],
): Map<string, string[]> {
  const parentOf = new Map(categories.map((c) => [c.id, c.parent]));
  const chains = new Map<string, string[]>();
  for (const id of parentOf.keys()) {
    const chain: string[] = [];
    for (let at: string | null | undefined = id; at != null && chain.length < 64; at = parentOf.get(at)) {
      chain.push(at);
    }
    chains.set(id, chain);
  }
  return chains;
}
