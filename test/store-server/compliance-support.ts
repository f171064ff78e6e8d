/** What the closures, archive and loss-prevention tests share: throwaway stores and a request that must succeed. */
import { afterEach } from "bun:test";
import {
  createTestStore,
  type JsonObject,
  type TestStore,
  type TestStoreOptions,
} from "../support/store-app.ts";

const stores: TestStore[] = [];
afterEach(() => {
  for (const s of stores.splice(0)) s.close();
});

/** A test store closed after the test. */
export function testStore(options: TestStoreOptions): TestStore {
  const s = createTestStore(options);
  stores.push(s);
  return s;
}

/** A request that must answer 2xx: its body, or an error with the status and body. */
export async function ok<T = JsonObject>(
  s: TestStore,
  method: string,
  path: string,
  body?: unknown,
): Promise<T> {
  const res = await s.request<T>(method, path, body);
  if (res.status >= 300) throw new Error(`${method} ${path}: ${res.status} ${JSON.stringify(res.body)}`);
  return res.body;
}
