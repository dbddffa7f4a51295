/**
 * One ledger event as the evaluator reads it: the store's global position and event id, the
 * domain type and payload. The caller cuts the list at a ledger position (time travel); the
 * evaluator ignores types it does not use and events about other trainees.
 */
export interface HistoryEvent {
  position: number;
  id: string;
  type: string;
  data: unknown;
  recordedAt: string;
}
