import { describe, expect, test } from "bun:test";
import { DeviceUriError } from "../../src/devices/errors.ts";
import { openScale } from "../../src/devices/scale/open-scale.ts";
import { parseDeviceUri } from "../../src/devices/uri.ts";

describe("device URIs", () => {
  test.each([
    ["printer", "tcp://10.0.0.5:9100", { scheme: "tcp", host: "10.0.0.5", port: 9100, params: {} }],
    ["printer", "tcp://printer.local", { scheme: "tcp", host: "printer.local", port: 9100, params: {} }],
    ["printer", "tcp://[::1]:9101", { scheme: "tcp", host: "::1", port: 9101, params: {} }],
    ["printer", "file:/dev/usb/lp0", { scheme: "file", path: "/dev/usb/lp0", params: {} }],
    [
      "printer",
      "file:///dev/usb/lp0?width=58",
      { scheme: "file", path: "/dev/usb/lp0", params: { width: "58" } },
    ],
    [
      "scale",
      "serial:/dev/ttyUSB0?protocol=toledo&baud=9600",
      { scheme: "serial", path: "/dev/ttyUSB0", params: { protocol: "toledo", baud: "9600" } },
    ],
    ["scanner", "keyboard:", { scheme: "keyboard", params: {} }],
    ["payment", "sim:?outcome=decline", { scheme: "sim", params: { outcome: "decline" } }],
  ] as const)("%s %s", (kind, uri, expected) => {
    expect(parseDeviceUri(kind, uri)).toEqual(expected);
  });

  test.each([
    ["printer", "lp0", "it has no scheme"],
    ["scale", "tcp://10.0.0.5:9100", 'a scale cannot be reached through "tcp:"'],
    ["printer", "tcp://10.0.0.5:99999", "write the address as tcp://HOST:PORT"],
    ["display", "serial:ttyUSB0", "give the absolute device path"],
    ["scanner", "keyboard:now", '"keyboard:" takes only ?parameters'],
  ] as const)("%s %s is refused: %s", (kind, uri, reason) => {
    expect(() => parseDeviceUri(kind, uri)).toThrow(DeviceUriError);
    expect(() => parseDeviceUri(kind, uri)).toThrow(reason);
  });

  test("the refusal lists the URIs the device kind accepts", () => {
    expect(() => parseDeviceUri("scale", "usb:x")).toThrow(
      "Use one of: serial:/dev/ttyUSB0?baud=9600, sim:.",
    );
  });

  test("scale parameters are checked by name", () => {
    expect(() => openScale("serial:/dev/ttyUSB0")).toThrow(
      'parameter "protocol" must be one of toledo, cas, nci',
    );
    expect(() => openScale("serial:/dev/ttyUSB0?protocol=cas&parity=mark")).toThrow(
      'parameter "parity" must be none, even or odd',
    );
    expect(() => openScale("serial:/dev/ttyUSB0?protocol=cas&colour=red")).toThrow(
      'unknown parameter "colour"',
    );
  });
});
