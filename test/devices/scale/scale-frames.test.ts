/**
 * Each protocol's driver against byte sequences written out from the protocol descriptions,
 * so the driver and the simulator cannot agree on a wrong framing between themselves.
 */
import { describe, expect, test } from "bun:test";
import { ByteInbox } from "../../../src/devices/io/byte-inbox.ts";
import { casEcr } from "../../../src/devices/scale/cas-ecr.ts";
import { nciGeneral } from "../../../src/devices/scale/nci.ts";
import type { ScaleLink, ScaleProtocol } from "../../../src/devices/scale/protocol.ts";
import type { ScaleReading } from "../../../src/devices/scale/scale.ts";
import { toledo8217 } from "../../../src/devices/scale/toledo-8217.ts";

function bytes(text: string): Uint8Array {
  return Uint8Array.from([...text].map((c) => c.charCodeAt(0)));
}

/** A link that answers each request with the next scripted reply and records what was sent. */
function scripted(replies: string[]): ScaleLink & { sent: string[] } {
  const inbox = new ByteInbox();
  const sent: string[] = [];
  return {
    sent,
    async send(data) {
      sent.push(String.fromCharCode(...data));
      const reply = replies.shift();
      if (reply !== undefined) inbox.push(bytes(reply));
    },
    receive: (parse, timeoutMs) => inbox.take(parse, timeoutMs),
    clear: () => inbox.clear(),
  };
}

async function read(
  protocol: ScaleProtocol,
  replies: string[],
  unit: "kg" | "lb" = "kg",
): Promise<ScaleReading> {
  return protocol.read(scripted(replies), { timeoutMs: 50, unit });
}

describe("Toledo 8217 frames", () => {
  test("a weight record is STX, the weight, CR", async () => {
    expect(await read(toledo8217, ["\x0201.455\r"])).toEqual({
      status: "stable",
      weightMilli: 1455,
      unit: "kg",
    });
    expect(await read(toledo8217, ["\x02002.72\r"], "lb")).toEqual({
      status: "stable",
      weightMilli: 2720,
      unit: "lb",
    });
    expect(await read(toledo8217, ["\x0200.000\r"])).toEqual({ status: "zero", unit: "kg" });
  });

  test("a status record is STX ? status CR, with the parity bit ignored", async () => {
    expect(await read(toledo8217, ["\x02?\xe1\r"])).toEqual({ status: "motion", unit: "kg" });
    expect(await read(toledo8217, ["\x02?\x62\r"])).toEqual({ status: "overload" });
    expect(await read(toledo8217, ["\x02?\xe4\r"])).toEqual({ status: "underload" });
    expect(await read(toledo8217, ["\x02?\xf0\r"])).toEqual({ status: "zero", unit: "kg" });
  });

  test("skips noise before STX and reports silence as no answer", async () => {
    expect(await read(toledo8217, ["\x00\xff\x0200.500\r"])).toEqual({
      status: "stable",
      weightMilli: 500,
      unit: "kg",
    });
    expect((await read(toledo8217, [])).status).toBe("no-answer");
  });
});

describe("CAS ECR frames", () => {
  test("ENQ is acknowledged, then DC1 brings SOH STX STA SIGN weight unit BCC ETX EOT", async () => {
    const link = scripted(["\x06", "\x01\x02S 01.455kg\x64\x03\x04"]);
    expect(await casEcr.read(link, { timeoutMs: 50, unit: "kg" })).toEqual({
      status: "stable",
      weightMilli: 1455,
      unit: "kg",
    });
    expect(link.sent).toEqual(["\x05", "\x11"]);
  });

  test("the unit comes from the frame", async () => {
    expect(await read(casEcr, ["\x06", "\x01\x02S 002.72lb\x64\x03\x04"])).toEqual({
      status: "stable",
      weightMilli: 2720,
      unit: "lb",
    });
  });

  test("U is unstable, F is overload", async () => {
    expect(await read(casEcr, ["\x06", "\x01\x02U 00.800kg\x6f\x03\x04"])).toEqual({
      status: "motion",
      weightMilli: 800,
      unit: "kg",
    });
    const overload = "SFFFFFFFkg";
    const bcc = [...overload].reduce((acc, c) => acc ^ c.charCodeAt(0), 0);
    expect(await read(casEcr, ["\x06", `\x01\x02${overload}${String.fromCharCode(bcc)}\x03\x04`])).toEqual({
      status: "overload",
    });
  });

  test("a wrong block check is an error, a NAK means busy, silence means no answer", async () => {
    expect(await read(casEcr, ["\x06", "\x01\x02S 01.455kg\x65\x03\x04"])).toMatchObject({ status: "error" });
    expect(await read(casEcr, ["\x15"])).toMatchObject({
      status: "error",
      detail: expect.stringContaining("busy"),
    });
    expect((await read(casEcr, [])).status).toBe("no-answer");
    expect((await read(casEcr, ["\x06"])).status).toBe("no-answer");
  });
});

describe("NCI frames", () => {
  test("LF weight unit CR LF status CR ETX", async () => {
    const link = scripted(["\n0001.45LB\r\n00\r\x03"]);
    expect(await nciGeneral.read(link, { timeoutMs: 50, unit: "kg" })).toEqual({
      status: "stable",
      weightMilli: 1450,
      unit: "lb",
    });
    expect(link.sent).toEqual(["W\r"]);
  });

  test("status bits: motion, at zero, over and under capacity, with or without an S prefix", async () => {
    expect(await read(nciGeneral, ["\n001.200KG\r\n10\r\x03"])).toEqual({
      status: "motion",
      weightMilli: 1200,
      unit: "kg",
    });
    expect(await read(nciGeneral, ["\nS10\r\x03"])).toEqual({ status: "motion", unit: "kg" });
    expect(await read(nciGeneral, ["\n000.000KG\r\n20\r\x03"])).toEqual({ status: "zero", unit: "kg" });
    expect(await read(nciGeneral, ["\n^^^^^^^KG\r\n02\r\x03"])).toEqual({ status: "overload" });
    expect(await read(nciGeneral, ["\n_______KG\r\n01\r\x03"])).toEqual({ status: "underload" });
  });

  test("faults and unknown commands are errors", async () => {
    expect(await read(nciGeneral, ["\n001.000KG\r\n40\r\x03"])).toMatchObject({ status: "error" });
    expect(await read(nciGeneral, ["\n?\r\x03"])).toMatchObject({
      status: "error",
      detail: expect.stringContaining("does not understand"),
    });
  });
});
