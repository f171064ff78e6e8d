/**
 * A throwaway certificate authority for TLS tests (openssl): a CA, a server certificate for
 * 127.0.0.1 and a client certificate, all signed by it, in a directory of their own.
 */
import { join } from "node:path";

export interface TestCerts {
  dir: string;
  ca: string;
  serverCert: string;
  serverKey: string;
  clientCert: string;
  clientKey: string;
}

async function openssl(dir: string, args: string[]): Promise<void> {
  const proc = Bun.spawn(["openssl", ...args], { cwd: dir, stdout: "pipe", stderr: "pipe" });
  if ((await proc.exited) !== 0) {
    throw new Error(`openssl ${args.join(" ")} failed:\n${await new Response(proc.stderr).text()}`);
  }
}

const EC = ["-newkey", "ec", "-pkeyopt", "ec_paramgen_curve:prime256v1", "-nodes"];

export async function makeTestCerts(dir: string): Promise<TestCerts> {
  await openssl(dir, [
    "req",
    "-x509",
    ...EC,
    "-keyout",
    "ca.key",
    "-out",
    "ca.pem",
    "-days",
    "2",
    "-subj",
    "/CN=Ringup test CA",
  ]);
  await Bun.write(join(dir, "server.ext"), "subjectAltName=IP:127.0.0.1,DNS:localhost\n");
  for (const [name, subject, ext] of [
    ["server", "/CN=127.0.0.1", ["-extfile", "server.ext"]],
    ["client", "/CN=ringup-store", []],
  ] as const) {
    await openssl(dir, ["req", ...EC, "-keyout", `${name}.key`, "-out", `${name}.csr`, "-subj", subject]);
    await openssl(dir, [
      "x509",
      "-req",
      "-in",
      `${name}.csr`,
      "-CA",
      "ca.pem",
      "-CAkey",
      "ca.key",
      "-CAcreateserial",
      "-out",
      `${name}.pem`,
      "-days",
      "2",
      ...ext,
    ]);
  }
  return {
    dir,
    ca: join(dir, "ca.pem"),
    serverCert: join(dir, "server.pem"),
    serverKey: join(dir, "server.key"),
    clientCert: join(dir, "client.pem"),
    clientKey: join(dir, "client.key"),
  };
}
