/**
 * A JSON call to a store process's API that must answer 2xx: a GET without a body, a POST with
 * one; with the admin token, or with `token` (a till's or a courier's session).
 */
import type { StoreProcess } from "./store-process.ts";

export async function storeCall<T = Record<string, unknown>>(
  store: Pick<StoreProcess, "url" | "api">,
  path: string,
  body?: unknown,
  token?: string,
): Promise<T> {
  const init: RequestInit = {
    method: body === undefined ? "GET" : "POST",
    ...(body === undefined ? {} : { body: JSON.stringify(body) }),
  };
  const res = token
    ? await fetch(`${store.url}/api/v1${path}`, {
        ...init,
        headers: { "content-type": "application/json", authorization: `Bearer ${token}` },
      })
    : await store.api(`/api/v1${path}`, init);
  if (res.status >= 300) throw new Error(`${path}: ${res.status} ${await res.text()}`);
  return (await res.json()) as T;
}
