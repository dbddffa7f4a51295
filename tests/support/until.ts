/**
 * Waits for the condition a test means (a feed connected, a projection caught up) rather than
 * for a fixed time, and resolves with the value that met it. The deadline is generous on purpose:
 * it only turns a hang into a failure, so a slow, loaded machine passes where a quick one does.
 */
export async function until<T>(
  probe: () => T | Promise<T>,
  ok: (value: T) => boolean,
  timeoutMs = 30_000,
): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = await probe();
    if (ok(value)) return value;
    if (Date.now() > deadline)
      throw new Error(`not reached in ${timeoutMs} ms: ${JSON.stringify(value)?.slice(0, 500)}`);
    await new Promise((resolve) => setTimeout(resolve, 25));
  }
}
