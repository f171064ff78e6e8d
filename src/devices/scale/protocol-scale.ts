/**
 * The scale driver: one protocol over one link (a serial line, or an in-memory simulated
 * scale). Conversations run one at a time; an unplugged scale reads as "no answer" until it is
 * back, and the driver carries on without being reopened.
 */
import { ByteInbox } from "../io/byte-inbox.ts";
import type { SerialLine } from "../io/serial-line.ts";
import type { ScaleDevice, ScaleLink, ScaleProtocol, SimulatedScaleState } from "./protocol.ts";
import type { ReadStableOptions, Scale, ScaleReading, WeightUnit } from "./scale.ts";

export interface ProtocolScaleOptions {
  /** How long to wait for each answer (ms). */
  timeoutMs?: number;
  /** Unit for protocols whose frames carry none. */
  unit?: WeightUnit;
}

/** A link the driver can use, with its own notion of being connected. */
export interface DriverLink extends ScaleLink {
  /** Why the link cannot carry a conversation now, or undefined when it can. */
  unavailable(): string | undefined;
  /** Waits up to `timeoutMs` for the link to come up (a line still opening, a scale plugged back). */
  waitReady(timeoutMs: number): Promise<void>;
  close(): Promise<void>;
}

export function serialLink(line: SerialLine): DriverLink {
  const inbox = new ByteInbox();
  line.onData((chunk) => inbox.push(chunk));
  line.start();
  return {
    send: (bytes) => line.write(bytes),
    receive: (parse, timeoutMs) => inbox.take(parse, timeoutMs),
    clear: () => inbox.clear(),
    unavailable: () =>
      line.state === "connected"
        ? undefined
        : `the scale at ${line.path} is not connected (${line.lastProblem})`,
    waitReady: async (timeoutMs) => void (await line.waitConnected(timeoutMs)),
    close: () => line.close(),
  };
}

/** A link to a simulated scale in the same process, speaking the protocol's real bytes. */
export function memoryLink(device: ScaleDevice, state: SimulatedScaleState): DriverLink {
  const inbox = new ByteInbox();
  return {
    async send(bytes) {
      const answer = device.receive(bytes, state);
      if (answer.length > 0) queueMicrotask(() => inbox.push(answer));
    },
    receive: (parse, timeoutMs) => inbox.take(parse, timeoutMs),
    clear: () => inbox.clear(),
    unavailable: () => undefined,
    waitReady: async () => undefined,
    close: async () => undefined,
  };
}

export class ProtocolScale implements Scale {
  private queue: Promise<unknown> = Promise.resolve();
  private readonly timeoutMs: number;
  private readonly unit: WeightUnit;

  constructor(
    private readonly link: DriverLink,
    private readonly protocol: ScaleProtocol,
    readonly description: string,
    options: ProtocolScaleOptions = {},
  ) {
    this.timeoutMs = options.timeoutMs ?? 1000;
    this.unit = options.unit ?? "kg";
  }

  read(): Promise<ScaleReading> {
    return this.exclusive(() =>
      this.protocol.read(this.link, { timeoutMs: this.timeoutMs, unit: this.unit }),
    );
  }

  zero(): Promise<ScaleReading> {
    return this.exclusive(() =>
      this.protocol.zero(this.link, { timeoutMs: this.timeoutMs, unit: this.unit }),
    );
  }

  async readStable(options: ReadStableOptions = {}): Promise<ScaleReading> {
    const deadline = Date.now() + (options.timeoutMs ?? 5000);
    const pollMs = options.pollMs ?? 200;
    for (;;) {
      const reading = await this.read();
      if (reading.status !== "motion" || Date.now() + pollMs > deadline) return reading;
      await Bun.sleep(pollMs);
    }
  }

  close(): Promise<void> {
    return this.link.close();
  }

  private exclusive(conversation: () => Promise<ScaleReading>): Promise<ScaleReading> {
    const run = async (): Promise<ScaleReading> => {
      if (this.link.unavailable() !== undefined) await this.link.waitReady(this.timeoutMs);
      const why = this.link.unavailable();
      if (why !== undefined) return { status: "no-answer", detail: `${why}; check the cable and power` };
      try {
        const reading = await conversation();
        if (reading.status !== "no-answer") return reading;
        return {
          status: "no-answer",
          detail: `${reading.detail} (${this.description}); check the cable, power, baud rate and protocol`,
        };
      } catch (error) {
        return { status: "no-answer", detail: error instanceof Error ? error.message : String(error) };
      }
    };
    const next = this.queue.then(run, run);
    this.queue = next;
    return next;
  }
}
