/** Where a mode or a command writes what a person reads: the command line hands it to each mode. */
export interface CliIo {
  out(text: string): void;
  err(text: string): void;
  /** stdout is a terminal a person reads (not a pipe, a file or a service's log). */
  terminal?: boolean;
  /** Writes straight to that terminal, past the log (a generated admin token, shown once). */
  show?(text: string): void;
}
