import Database from 'better-sqlite3';
import { privateDatabaseFile } from '@inr/event-store/private-files';

export const READ_MODELS_FILE = 'read-models.sqlite';

/**
 * Opens `<dataDir>/<file>` for read models. synchronous=NORMAL under WAL: a commit survives a
 * process kill (what exactly-once needs, because data and checkpoint commit together); after a
 * power cut the file may lose its last commits, data and checkpoint alike, and catches up again.
 */
export function openReadModelsDb(
  dataDir: string,
  file: string = READ_MODELS_FILE,
): Database.Database {
  const db = new Database(privateDatabaseFile(dataDir, file));
  db.pragma('journal_mode = WAL');
  db.pragma('synchronous = NORMAL');
  db.pragma('busy_timeout = 5000');
  db.pragma('cache_size = -65536');
  return db;
}
