import type { ApiClient } from '../api/client';
import type { TraineeStatus } from '../api/types';

/** Month ends from `from` to `to`, at most `points` of them, evenly spread, `to` last. */
export function checkpoints(from: string, to: string, points: number): string[] {
  const start = new Date(`${from.slice(0, 7)}-01T00:00:00Z`);
  const end = new Date(`${to}T00:00:00Z`);
  const months = Math.max(
    0,
    (end.getUTCFullYear() - start.getUTCFullYear()) * 12 + end.getUTCMonth() - start.getUTCMonth(),
  );
  const step = Math.max(1, Math.ceil(months / (points - 1)));
  const days: string[] = [];
  for (let m = 0; m < months; m += step) {
    const monthEnd = new Date(Date.UTC(start.getUTCFullYear(), start.getUTCMonth() + m + 1, 0));
    days.push(monthEnd.toISOString().slice(0, 10));
  }
  days.push(to);
  return days;
}

/** Achieved per requirement at each date: the API's evaluation counting only procedures performed by then. */
export async function progressHistory(
  api: ApiClient,
  traineeId: string,
  days: string[],
): Promise<Map<string, Map<string, number>>> {
  const statuses = await Promise.all(
    days.map((day) =>
      api.get<TraineeStatus>(
        `/v1/trainees/${encodeURIComponent(traineeId)}/status?performedBy=${day}`,
      ),
    ),
  );
  // key: pathwayId/requirementId -> day -> achieved
  const out = new Map<string, Map<string, number>>();
  statuses.forEach((status, i) => {
    for (const p of status.pathways) {
      if (!('evaluation' in p)) continue;
      for (const r of p.evaluation.requirements) {
        const key = `${p.pathwayId}/${r.id}`;
        const row = out.get(key) ?? new Map<string, number>();
        row.set(days[i] ?? '', r.achieved);
        out.set(key, row);
      }
    }
  });
  return out;
}
