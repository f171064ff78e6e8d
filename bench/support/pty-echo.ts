/**
 * Writes back every key it reads, in raw mode, through Bun's terminal I/O as the till reads
 * keys and draws frames: the floor under the till binary's scan-to-line in a pseudo-terminal.
 */
process.stdin.setRawMode(true);
process.stdin.on("data", (data) => process.stdout.write(data));
process.stdout.write("ready\n");
