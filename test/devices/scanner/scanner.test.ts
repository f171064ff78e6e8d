import { describe, expect, test } from "bun:test";
import { DeviceUriError } from "../../../src/devices/errors.ts";
import { openScanner } from "../../../src/devices/scanner/open-scanner.ts";
import {
  CodeAssembler,
  KeyboardWedgeScanner,
  SimulatedScanner,
} from "../../../src/devices/scanner/scanner.ts";
import { PtyPair } from "../support/pty-pair.ts";
import { SerialDevice } from "../support/serial-device.ts";
import { waitFor } from "../support/wait.ts";

const LINE = { baudRate: 9600, dataBits: 8, parity: "none", stopBits: 1 } as const;

describe("serial scanner", () => {
  test("delivers each line-terminated code, whatever the terminator and chunking", async () => {
    await using pair = await PtyPair.start();
    await using device = await new SerialDevice(pair.device, LINE).ready();
    const scanner = openScanner(`serial:${pair.host}?reconnectMs=25`);
    const codes: string[] = [];
    scanner.onScan((code) => codes.push(code));
    try {
      await waitFor("the scanner to connect", async () => {
        await device.send(new TextEncoder().encode("PING\r"));
        return codes.includes("PING");
      });
      await device.send(new TextEncoder().encode("4006381333931\r"));
      await device.send(new TextEncoder().encode("0123456789012\r\n"));
      await device.send(new TextEncoder().encode("96385"));
      await device.send(new TextEncoder().encode("074\n"));
      const scanned = (): string[] => codes.filter((code) => code !== "PING");
      await waitFor("three codes", () => scanned().length === 3);
      expect(scanned()).toEqual(["4006381333931", "0123456789012", "96385074"]);
    } finally {
      await scanner.close();
    }
  });

  test("keeps scanning after the scanner is unplugged and plugged back", async () => {
    await using pair = await PtyPair.start();
    await using device = await new SerialDevice(pair.device, LINE).ready();
    const scanner = openScanner(`serial:${pair.host}?reconnectMs=25`);
    const codes: string[] = [];
    scanner.onScan((code) => codes.push(code));
    try {
      await waitFor("a first code", async () => {
        await device.send(new TextEncoder().encode("111\r"));
        return codes.length > 0;
      });
      await pair.unplug();
      await pair.plug();
      await device.ready();
      await waitFor("a code after the replug", async () => {
        await device.send(new TextEncoder().encode("222\r")).catch(() => undefined);
        return codes.includes("222");
      });
      expect(codes.filter((code) => code !== "111" && code !== "222")).toEqual([]);
    } finally {
      await scanner.close();
    }
  });
});

describe("keyboard-wedge and simulated scanners", () => {
  test("a keyboard wedge turns typed characters and Enter into codes", () => {
    const scanner = openScanner("keyboard:");
    if (!(scanner instanceof KeyboardWedgeScanner)) throw new Error("keyboard: opens a KeyboardWedgeScanner");
    const codes: string[] = [];
    scanner.onScan((code) => codes.push(code));
    scanner.feed("40063");
    scanner.feed("81333931\r3*4011\r\r");
    expect(codes).toEqual(["4006381333931", "3*4011"]);
  });

  test("a simulated scanner delivers what it is told to scan", () => {
    const scanner = openScanner("sim:");
    if (!(scanner instanceof SimulatedScanner)) throw new Error("sim: opens a SimulatedScanner");
    const codes: string[] = [];
    const off = scanner.onScan((code) => codes.push(code));
    scanner.scan("4011");
    off();
    scanner.scan("4012");
    expect(codes).toEqual(["4011"]);
  });

  test("noise is dropped: control characters, blank lines and over-long lines", () => {
    const assembler = new CodeAssembler("any");
    expect(assembler.push(`\x02ABC\x03\r\n\n${"9".repeat(200)}\r123\r`)).toEqual(["ABC", "123"]);
  });

  test("a bad scanner URI names what is allowed", () => {
    expect(() => openScanner("tcp://10.0.0.1:9100")).toThrow(DeviceUriError);
    expect(() => openScanner("serial:/dev/ttyACM0?terminator=tab")).toThrow("must be cr, lf, crlf or any");
  });
});
