/**
 * Reads the raw keyboard (and keyboard-mode scanner) input through Ink's stdin and hands
 * decoded keys to the till. Ink's own key parsing does not report function keys, so the till
 * decodes the bytes itself (see keys/decoder.ts).
 */
import { useStdin } from "ink";
import { useEffect } from "react";
import { KeyDecoder } from "../keys/decoder.ts";
import type { KeyEvent } from "../keys/key-names.ts";

/** How long a lone ESC waits for the rest of a sequence before it counts as Escape. */
const ESCAPE_WAIT_MS = 40;

export function useTillKeys(onKey: (event: KeyEvent) => void): void {
  const { stdin, setRawMode, isRawModeSupported } = useStdin();
  useEffect(() => {
    const decoder = new KeyDecoder();
    let timer: ReturnType<typeof setTimeout> | undefined;
    if (isRawModeSupported) setRawMode(true);
    const onData = (data: Buffer | string) => {
      if (timer !== undefined) clearTimeout(timer);
      for (const event of decoder.push(String(data))) onKey(event);
      if (decoder.hasPending()) {
        timer = setTimeout(() => {
          for (const event of decoder.flush()) onKey(event);
        }, ESCAPE_WAIT_MS);
      }
    };
    stdin.on("data", onData);
    return () => {
      stdin.off("data", onData);
      if (timer !== undefined) clearTimeout(timer);
      if (isRawModeSupported) setRawMode(false);
    };
  }, [stdin, setRawMode, isRawModeSupported, onKey]);
}
