// The CLI's progress bar, on stderr: redrawn in place on a terminal; elsewhere (a log, CI) one line per
// tenth, so that a redirected run is still readable.
const WIDTH = 30;

export function progressBar(stream: NodeJS.WriteStream = process.stderr): (fraction: number, text: string) => void {
  let lastTenth = -1;
  return (fraction, text) => {
    const f = Math.max(0, Math.min(1, fraction));
    const filled = Math.round(f * WIDTH);
    const line = `[${"#".repeat(filled)}${"-".repeat(WIDTH - filled)}] ${(f * 100).toFixed(0).padStart(3)}% ${text}`;
    if (stream.isTTY) {
      stream.write(`\r${line}\u001b[K${f >= 1 ? "\n" : ""}`);
      return;
    }
    const tenth = Math.floor(f * 10);
    if (tenth > lastTenth) {
      lastTenth = tenth;
      stream.write(`${line}\n`);
    }
  };
}
