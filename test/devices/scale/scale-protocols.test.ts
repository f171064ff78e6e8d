/**
 * One behaviour suite for every scale protocol: a simulated scale speaking the protocol sits on
 * the far end of a socat pseudo-terminal pair, and the driver reads it through the serial line.
 */
import { describe, expect, test } from "bun:test";
import { openScale, SCALE_PROTOCOL_TABLE } from "../../../src/devices/scale/open-scale.ts";
import type { ScaleProtocolName, SimulatedScaleState } from "../../../src/devices/scale/protocol.ts";
import type { Scale } from "../../../src/devices/scale/scale.ts";
import { PtyPair } from "../support/pty-pair.ts";
import { SerialDevice } from "../support/serial-device.ts";
import { waitFor } from "../support/wait.ts";

interface Rig extends AsyncDisposable {
  scale: Scale;
  state: SimulatedScaleState;
  device: SerialDevice;
  pair: PtyPair;
}

async function rig(
  protocol: ScaleProtocolName,
  extra = "",
  state: Partial<SimulatedScaleState> = {},
): Promise<Rig> {
  const pair = await PtyPair.start();
  const spec = SCALE_PROTOCOL_TABLE[protocol];
  const simulated: SimulatedScaleState = {
    weightMilli: 0,
    unit: "kg",
    motion: false,
    overload: false,
    silent: false,
    ...state,
  };
  const scaleSide = spec.createDevice();
  let device: SerialDevice | undefined;
  try {
    device = await new SerialDevice(pair.device, spec.serialDefaults, (bytes) =>
      scaleSide.receive(bytes, simulated),
    ).ready();
  } catch (error) {
    await device?.[Symbol.asyncDispose]();
    await pair[Symbol.asyncDispose]();
    throw error;
  }
  const scale = openScale(`serial:${pair.host}?protocol=${protocol}&timeoutMs=1000&reconnectMs=25${extra}`);
  const simulator = device;
  return {
    scale,
    state: simulated,
    device: simulator,
    pair,
    async [Symbol.asyncDispose]() {
      await scale.close();
      await simulator[Symbol.asyncDispose]();
      await pair[Symbol.asyncDispose]();
    },
  };
}

/** Reads until the driver's line is up (it connects in the background). */
async function firstReading(scale: Scale): Promise<void> {
  await waitFor("the scale's serial line", async () => (await scale.read()).status !== "no-answer");
}

const REQUEST: Record<ScaleProtocolName, string> = { toledo: "W", cas: "\x05\x11", nci: "W\r" };

describe.each(["toledo", "cas", "nci"] as const)("%s scale over a serial line", (protocol) => {
  test("reads a stable weight in kg, sending the protocol's request", async () => {
    await using r = await rig(protocol, "", { weightMilli: 1455 });
    await firstReading(r.scale);
    r.device.received = [];
    expect(await r.scale.read()).toEqual({ status: "stable", weightMilli: 1455, unit: "kg" });
    expect(r.device.receivedText()).toBe(REQUEST[protocol]);
  });

  test("reads a stable weight in lb", async () => {
    await using r = await rig(protocol, "&unit=lb", { weightMilli: 2720, unit: "lb" });
    await firstReading(r.scale);
    expect(await r.scale.read()).toEqual({ status: "stable", weightMilli: 2720, unit: "lb" });
  });

  test("reports motion, then the settled weight once the scale settles", async () => {
    await using r = await rig(protocol, "", { weightMilli: 800, motion: true });
    await firstReading(r.scale);
    expect((await r.scale.read()).status).toBe("motion");
    const before = r.device.received.length;
    const settled = r.scale.readStable({ timeoutMs: 10_000, pollMs: 20 });
    await waitFor("more requests while in motion", () => r.device.received.length > before);
    r.state.motion = false;
    expect(await settled).toEqual({ status: "stable", weightMilli: 800, unit: "kg" });
  });

  test("reports zero with nothing on the platter", async () => {
    await using r = await rig(protocol);
    await firstReading(r.scale);
    expect(await r.scale.read()).toEqual({ status: "zero", unit: "kg" });
  });

  test("reports overload and below zero", async () => {
    await using r = await rig(protocol, "", { weightMilli: 40_000, overload: true });
    await firstReading(r.scale);
    expect(await r.scale.read()).toEqual({ status: "overload" });
    r.state.overload = false;
    r.state.weightMilli = -25;
    expect(await r.scale.read()).toEqual({ status: "underload" });
  });

  test("reports no answer from a silent scale, naming the port and protocol", async () => {
    await using r = await rig(protocol, "&timeoutMs=150", { silent: true });
    const reading = await waitFor("a reading over a connected line", async () => {
      const value = await r.scale.read();
      return value.status === "no-answer" && !value.detail.includes("not connected") ? value : undefined;
    });
    expect(reading.status).toBe("no-answer");
    if (reading.status === "no-answer") {
      expect(reading.detail).toContain("no answer from the scale");
      expect(reading.detail).toContain(r.pair.host);
      expect(reading.detail).toContain(SCALE_PROTOCOL_TABLE[protocol].label);
    }
    // The request reached the scale; the scale kept quiet.
    expect(r.device.receivedText().startsWith(REQUEST[protocol].slice(0, 1))).toBe(true);
  });

  test("survives being unplugged and plugged back without being reopened", async () => {
    await using r = await rig(protocol, "&timeoutMs=300", { weightMilli: 1200 });
    await firstReading(r.scale);
    expect((await r.scale.read()).status).toBe("stable");
    await r.pair.unplug();
    const unplugged = await waitFor("the driver to notice the unplug", async () => {
      const reading = await r.scale.read();
      return reading.status === "no-answer" ? reading : undefined;
    });
    expect(unplugged.status).toBe("no-answer");
    await r.pair.plug();
    const back = await waitFor("readings after the replug", async () => {
      const reading = await r.scale.read();
      return reading.status === "stable" ? reading : undefined;
    });
    expect(back).toEqual({ status: "stable", weightMilli: 1200, unit: "kg" });
  });
});

describe("zeroing", () => {
  test.each(["toledo", "nci"] as const)("%s zeroes the scale on command", async (protocol) => {
    await using r = await rig(protocol, "", { weightMilli: 15 });
    await firstReading(r.scale);
    expect(await r.scale.zero()).toEqual({ status: "zero", unit: "kg" });
    expect(r.state.weightMilli).toBe(0);
  });
});
