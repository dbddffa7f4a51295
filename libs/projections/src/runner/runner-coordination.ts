/**
 * Several replicas on one database: exactly one applies events (the leader), the others read
 * the tables it writes and follow its committed checkpoint; when the leader dies, another
 * takes over from that checkpoint.
 */
export interface RunnerCoordination {
  /** Takes the lead if nobody holds it, or confirms this replica still does. Never waits. */
  tryLead(): boolean;
  /** Whether a failed batch failed because this replica no longer leads (nothing was written). */
  lostLead(error: unknown): boolean;
}
