// Worker-thread body of the scale ingest: runs the generator and hands its events over a chunk
// at a time, on request, so generating (the deciders behind every event) uses the second core
// while the main thread appends and integrates, and never runs more than a chunk or two ahead.
import { parentPort, workerData } from 'node:worker_threads';
import { benchPreset, generateLedgerStream, toEventData } from '../fixtures/generator';
import type { GeneratedChunk, GeneratorThreadData } from './bulk-ingest';

const port = parentPort;
if (!port) throw new Error('generator-thread runs only in a worker thread');
const { events, skip, chunk } = workerData as GeneratorThreadData;
const stream = generateLedgerStream(benchPreset(events));
// Events the ledger already holds (a resumed run): generated again (the stream is
// deterministic), not sent.
for (let i = 0; i < skip && !stream.next().done; i++);

port.on('message', () => {
  const out: GeneratedChunk = [];
  while (out.length < chunk) {
    const next = stream.next();
    if (next.done) break;
    out.push({ streamId: next.value.streamId, event: toEventData(next.value) });
  }
  port.postMessage(out);
});
