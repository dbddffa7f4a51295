import { isInteractive } from './terminal';

/**
 * A one-line progress bar on stderr. On a terminal it redraws in place; elsewhere (CI logs,
 * pipes) it prints a plain line at most every few seconds so logs stay readable.
 */
export class ProgressBar {
  private readonly started = Date.now();
  private lastPlain = 0;
  private readonly tty: boolean;

  constructor(
    private readonly label: string,
    private readonly stream: NodeJS.WriteStream = process.stderr,
  ) {
    this.tty = isInteractive(stream);
  }

  update(done: number, total: number): void {
    const now = Date.now();
    const rate = done / Math.max((now - this.started) / 1000, 0.001);
    const pct = total > 0 ? Math.min(1, done / total) : 1;
    const text = `${this.label} ${formatCount(done)}/${formatCount(total)} (${Math.round(pct * 100)}%) ${formatCount(Math.round(rate))}/s`;
    if (this.tty) {
      const width = 28;
      const filled = Math.round(pct * width);
      this.stream.write(`\r[${'#'.repeat(filled)}${'.'.repeat(width - filled)}] ${text}\u001b[K`);
    } else if (now - this.lastPlain >= 2000 || done === total) {
      this.lastPlain = now;
      this.stream.write(`${text}\n`);
    }
  }

  /** Ends the bar and returns the overall rate (items per second). */
  finish(done: number): number {
    const seconds = Math.max((Date.now() - this.started) / 1000, 0.001);
    if (this.tty) this.stream.write('\n');
    return done / seconds;
  }
}

export function formatCount(n: number): string {
  return n.toLocaleString('en-GB');
}
