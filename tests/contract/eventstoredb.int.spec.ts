import { execFileSync } from 'node:child_process';
import { EventStoreDbStore } from '@inr/event-store';
import { eventStoreContract } from './event-store.contract';

/**
 * Runs the contract against EventStoreDB/KurrentDB: EVENTSTORE_URL if set, else a throwaway
 * container when testcontainers finds an engine, else a skip whose title says why.
 * Jest collects describe() blocks synchronously, so the engine probe runs in a short child process.
 */
const IMAGE =
  process.env['EVENTSTORE_IMAGE'] ?? 'docker.kurrent.io/kurrent-latest/kurrentdb:latest';

interface StartedContainer {
  getHost(): string;
  getMappedPort(port: number): number;
  stop(): Promise<unknown>;
}
interface GenericContainerBuilder {
  withEnvironment(env: Record<string, string>): GenericContainerBuilder;
  withExposedPorts(...ports: number[]): GenericContainerBuilder;
  withWaitStrategy(strategy: unknown): GenericContainerBuilder;
  start(): Promise<StartedContainer>;
}
interface TestcontainersModule {
  GenericContainer: new (image: string) => GenericContainerBuilder;
  Wait: { forHttp(path: string, port: number): unknown };
}

function detect(): { url: string } | { container: TestcontainersModule } | { skip: string } {
  const url = process.env['EVENTSTORE_URL'];
  if (url) return { url };
  let testcontainers: TestcontainersModule;
  try {
    // Optional dependency, loaded synchronously because Jest collects describe() blocks synchronously.
    // eslint-disable-next-line @typescript-eslint/no-require-imports
    testcontainers = require('testcontainers') as TestcontainersModule;
  } catch {
    return { skip: 'testcontainers is not installed' };
  }
  const probe = `
    const { getContainerRuntimeClient } = require('testcontainers');
    const timeout = new Promise((_, reject) => setTimeout(() => reject(new Error('timed out')), 3000));
    Promise.race([getContainerRuntimeClient(), timeout])
      .then(() => process.exit(0))
      .catch((e) => { console.error(String(e && e.message || e).split('\\n')[0]); process.exit(1); });`;
  try {
    execFileSync(process.execPath, ['-e', probe], {
      stdio: ['ignore', 'ignore', 'pipe'],
      timeout: 5000,
    });
    return { container: testcontainers };
  } catch (error) {
    const stderr = (error as { stderr?: Buffer }).stderr?.toString().trim();
    return { skip: stderr || 'no container runtime found' };
  }
}

const found = detect();

if ('skip' in found) {
  describe.skip(`eventstoredb contract — skipped: no EVENTSTORE_URL and no container engine (${found.skip})`, () => {
    it('needs EventStoreDB', () => undefined);
  });
} else {
  let url = 'url' in found ? found.url : '';
  let container: StartedContainer | undefined;
  beforeAll(async () => {
    if (!('container' in found)) return;
    const { GenericContainer, Wait } = found.container;
    const settings = {
      INSECURE: 'true',
      RUN_PROJECTIONS: 'None',
      MEM_DB: 'true',
      // The contract appends a 1 MiB event; the default maximum append is 1 MiB including overhead.
      MAX_APPEND_SIZE: String(8 * 1024 * 1024),
    };
    const env = Object.fromEntries(
      Object.entries(settings).flatMap(([k, v]) => [
        [`EVENTSTORE_${k}`, v],
        [`KURRENTDB_${k}`, v],
      ]),
    );
    container = await new GenericContainer(IMAGE)
      .withEnvironment(env)
      .withExposedPorts(2113)
      .withWaitStrategy(Wait.forHttp('/health/live', 2113))
      .start();
    url = `esdb://${container.getHost()}:${container.getMappedPort(2113)}?tls=false`;
  }, 180_000);
  afterAll(async () => {
    await container?.stop();
  });

  eventStoreContract('eventstoredb', () => EventStoreDbStore.connect({ url, pollMs: 200 }));
}
