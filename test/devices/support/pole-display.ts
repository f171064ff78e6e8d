/**
 * A simulated pole display on a pseudo-terminal: the driver (or the till) opens `uri`, and
 * `screen()` is what the display shows, from the real command set it received.
 */
import { DisplayEmulator, type DisplayProtocol } from "../../../src/devices/display/display-emulator.ts";
import { PtyPair } from "./pty-pair.ts";
import { SerialDevice } from "./serial-device.ts";

const LINE = { baudRate: 9600, dataBits: 8, parity: "none", stopBits: 1 } as const;

export class PoleDisplay implements AsyncDisposable {
  private constructor(
    private readonly pair: PtyPair,
    private readonly device: SerialDevice,
    private readonly emulator: DisplayEmulator,
    private readonly protocol: DisplayProtocol,
  ) {}

  static async start(protocol: DisplayProtocol = "epson"): Promise<PoleDisplay> {
    const pair = await PtyPair.start();
    const emulator = new DisplayEmulator(protocol);
    try {
      const device = await new SerialDevice(pair.device, LINE, (bytes) => {
        emulator.receive(bytes);
        return new Uint8Array();
      }).ready();
      return new PoleDisplay(pair, device, emulator, protocol);
    } catch (err) {
      await pair[Symbol.asyncDispose]();
      throw err;
    }
  }

  /** The display's device URI for the till's `--display`. */
  get uri(): string {
    return `serial:${this.pair.host}?protocol=${this.protocol}&reconnectMs=25`;
  }

  /** The two lines shown. */
  screen(): string[] {
    return this.emulator.screen();
  }

  async [Symbol.asyncDispose](): Promise<void> {
    await this.device[Symbol.asyncDispose]();
    await this.pair[Symbol.asyncDispose]();
  }
}
