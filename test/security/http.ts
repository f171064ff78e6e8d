/** JSON calls against a running store or head office process, for the security tests. */
export interface Answer<T> {
  status: number;
  body: T;
}

export interface ErrorBody {
  error: { code: string; message: string; details?: Record<string, unknown> };
}

export async function callJson<T>(
  url: string,
  method: string,
  path: string,
  body: unknown,
  token: string | null,
): Promise<Answer<T>> {
  const headers: Record<string, string> = {};
  if (body !== undefined) headers["content-type"] = "application/json";
  if (token !== null) headers.authorization = `Bearer ${token}`;
  const init: RequestInit = { method, headers };
  if (body !== undefined) init.body = JSON.stringify(body);
  const res = await fetch(`${url}${path}`, init);
  return { status: res.status, body: (await res.json()) as T };
}

/** The permission bits of a file (e.g. 0o600). */
export async function modeOf(path: string): Promise<number> {
  const { stat } = await import("node:fs/promises");
  return (await stat(path)).mode & 0o777;
}
