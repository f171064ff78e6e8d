/**
 * The signature device over its line protocol, against the simulated device on a loopback port:
 * a transaction started, updated and finished is signed with the device's key; a device that is
 * silent, answers garbage, refuses or is not there is reported within the deadline.
 */
import { afterEach, beforeEach, describe, expect, test } from "bun:test";
import { createPublicKey, verify } from "node:crypto";
import { signedMessage } from "../../../src/core/fiscal-signature.ts";
import {
  parseSignatureUri,
  SignatureDeviceError,
  TcpSignatureDevice,
} from "../../../src/devices/signature/signature-device.ts";
import { SimulatedSignatureDevice } from "../../../src/devices/signature/simulated-signature-device.ts";

let sim: SimulatedSignatureDevice;
let uri: string;
beforeEach(async () => {
  sim = new SimulatedSignatureDevice();
  uri = `${await sim.listen()}?timeoutMs=300`;
});
afterEach(() => sim.close());

async function failure(promise: Promise<unknown>): Promise<SignatureDeviceError> {
  try {
    await promise;
  } catch (err) {
    if (err instanceof SignatureDeviceError) return err;
    throw err;
  }
  throw new Error("the request succeeded");
}

describe("signature device", () => {
  test("a transaction started, updated and finished is signed with the device's key", async () => {
    const device = new TcpSignatureDevice(uri);
    const info = await device.info();
    expect(info).toEqual({ serial: "SIM-TSE-0001", algorithm: "ed25519", publicKey: sim.publicKey });
    const started = await device.start();
    const updated = await device.update(started.transactionNo, "1^BREAD:1000:250");
    expect(updated.transactionNo).toBe(started.transactionNo);
    const finished = await device.finish(started.transactionNo, "Beleg^250^cash:250^0001^EUR");
    expect(finished.signatureCounter).toBeGreaterThan(updated.signatureCounter);
    expect(finished.startedAt).toBe(started.startedAt);
    expect(sim.transactions.get(started.transactionNo)?.updates).toEqual(["1^BREAD:1000:250"]);
    const message = signedMessage({ ...finished, processData: "Beleg^250^cash:250^0001^EUR" });
    const key = createPublicKey({ key: Buffer.from(info.publicKey, "base64"), format: "der", type: "spki" });
    expect(verify(null, Buffer.from(message), key, Buffer.from(finished.signature, "base64"))).toBe(true);
  });

  test("a silent device times out within the deadline", async () => {
    sim.mode = "silent";
    const began = performance.now();
    const err = await failure(new TcpSignatureDevice(uri).start());
    expect(err.reason).toBe("timeout");
    expect(performance.now() - began).toBeLessThan(1000);
  });

  test("garbage and refusals are told apart", async () => {
    sim.mode = "garbage";
    expect((await failure(new TcpSignatureDevice(uri).start())).reason).toBe("garbage");
    sim.mode = "refuse";
    const refused = await failure(new TcpSignatureDevice(uri).start());
    expect(refused.reason).toBe("refused");
    expect(refused.message).toContain("SELF_TEST_FAILED");
  });

  test("a device that is not there is offline", async () => {
    await sim.close();
    expect((await failure(new TcpSignatureDevice(uri).info())).reason).toBe("offline");
  });

  test("finishing a transaction the device never started is refused", async () => {
    const device = new TcpSignatureDevice(uri);
    expect((await failure(device.finish(99, "Beleg^1^cash:1^1^EUR"))).reason).toBe("refused");
  });

  test("bad URIs are refused with what to write", () => {
    expect(() => parseSignatureUri("serial:/dev/ttyS0")).toThrow(/tcp:\/\/HOST:PORT/);
    expect(() => parseSignatureUri("tcp://127.0.0.1")).toThrow(/needs a port/);
    expect(() => parseSignatureUri("tcp://127.0.0.1:9?speed=1")).toThrow(/unknown parameter speed/);
    expect(parseSignatureUri("tcp://127.0.0.1:9")).toEqual({ host: "127.0.0.1", port: 9, timeoutMs: 1000 });
  });
});
