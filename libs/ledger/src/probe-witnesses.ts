import type { HttpPost, WitnessEndpoint } from './submit-to-witnesses';

export type WitnessProbe =
  { url: string; size: number } | { url: string; size?: undefined; error: string };

/**
 * Ask each witness how far it has seen this log, the C2SP tlog-witness way: submit our latest
 * checkpoint claiming `old 0`. A witness that saw more answers 409 with its size; one that saw
 * nothing cosigns (size 0 for us). Used at start and on restore, to learn of checkpoints the
 * log published that its own store no longer holds. A witness that does not answer is skipped.
 */
export async function probeWitnesses(
  latestNote: string,
  witnesses: readonly WitnessEndpoint[],
  post: HttpPost,
): Promise<WitnessProbe[]> {
  return Promise.all(
    witnesses.map(async (w): Promise<WitnessProbe> => {
      const url = w.url;
      try {
        const res = await post(
          `${url.replace(/\/$/, '')}/add-checkpoint`,
          `old 0\n\n${latestNote}`,
        );
        if (res.status === 409 && /^(0|[1-9][0-9]*)\n$/.test(res.body)) {
          return { url, size: Number(res.body.trim()) };
        }
        if (res.status === 200) return { url, size: 0 };
        return { url, error: `answered ${res.status}: ${res.body.slice(0, 200)}` };
      } catch (e) {
        return { url, error: e instanceof Error ? e.message : String(e) };
      }
    }),
  );
}
