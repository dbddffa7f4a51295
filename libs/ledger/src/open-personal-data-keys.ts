import type { EventStoreConfig } from '@inr/event-store';
import type { PersonalDataKeyStore } from './personal-data/key-store';
import { LOCAL_KEY_WRAPPING, type KeyWrapping } from './personal-data/key-wrapping';
import { PersonalDataKeys } from './personal-data/personal-data-keys';

/**
 * Where the personal-data keys live: in the shared PostgreSQL database when the events are
 * there (every replica opens what any sealed; an erasure reaches all), else
 * <dataDir>/personal-data-keys.json.
 */
export async function openPersonalDataKeys(
  store: EventStoreConfig,
  dataDir: string,
  wrapping: KeyWrapping = LOCAL_KEY_WRAPPING,
): Promise<PersonalDataKeyStore> {
  if (store.kind !== 'postgres') return new PersonalDataKeys(dataDir, wrapping);
  const { PostgresPersonalDataKeys } = await import('./postgres/postgres-personal-data-keys');
  return PostgresPersonalDataKeys.open(store.url, wrapping);
}
