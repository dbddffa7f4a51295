import { ReadModels } from '@inr/projections';
import { tempDir } from '../../libs/projections/src/testing/temp-dir';
import { versionSwitchContract } from './read-model-version-switch.contract';

/** The embedded read models (one SQLite file per process): the read-model contract. */
describe('read models in the embedded SQLite file', () => {
  versionSwitchContract('SQLite', async (store) => {
    const dir = tempDir();
    // The connection ReadModels.open gives the app: its queries and its runner share it.
    const { db } = ReadModels.open(store, dir.path);
    return {
      connect: () => Promise.resolve(db),
      disconnect: () => undefined,
      runnerOptions: () => ({}),
      close: async () => {
        db.close();
        dir.remove();
      },
    };
  });
});
