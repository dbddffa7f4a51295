import Database from 'better-sqlite3';

/** Pages per step at first (4 KiB pages: 4 MiB), so a long copy reports progress. */
const FIRST_STEP = 1024;

export type CopyProgress = (copiedPages: number, totalPages: number) => void;

/**
 * A consistent copy of a live SQLite file with SQLite's online backup API, through a read-only
 * connection of our own, while other connections keep writing. The copy goes step by step,
 * yielding between steps; a commit by another connection restarts it (SQLite guarantees the
 * result is one snapshot), so each restart doubles the step and a busy store cannot starve it:
 * at worst the last attempt copies everything in one step.
 */
export async function onlineCopy(
  source: string,
  destination: string,
  onProgress?: CopyProgress,
): Promise<{ pages: number; restarts: number }> {
  const db = new Database(source, { readonly: true, fileMustExist: true });
  let step = FIRST_STEP;
  let lastRemaining = Number.POSITIVE_INFINITY;
  let restarts = 0;
  try {
    const done = await db.backup(destination, {
      progress: ({ totalPages, remainingPages }) => {
        if (remainingPages > lastRemaining) {
          restarts++;
          step *= 2;
        }
        lastRemaining = remainingPages;
        onProgress?.(totalPages - remainingPages, totalPages);
        return step;
      },
    });
    onProgress?.(done.totalPages, done.totalPages);
    return { pages: done.totalPages, restarts };
  } finally {
    db.close();
  }
}
