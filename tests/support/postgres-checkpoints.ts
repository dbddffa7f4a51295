import { Client } from 'pg';
import type { RecordedEvent } from '@inr/event-store';
import {
  CompactRange,
  encodeLeaf,
  leafHash,
  parseCheckpoint,
  parseNote,
  toBase64,
} from '@inr/transparency';

/** The root (base64) of the first n events' tree, for every n: computed apart from the service. */
export function treeRoots(events: readonly RecordedEvent[]): Map<number, string> {
  const roots = new Map<number, string>();
  const range = CompactRange.empty();
  for (const event of events) {
    range.append(leafHash(encodeLeaf(event)));
    roots.set(range.size(), toBase64(range.root()));
  }
  return roots;
}

/** Every checkpoint stored in the database's ledger_checkpoints: size -> the root its note states. */
export async function storedCheckpointRoots(url: string): Promise<Map<number, string>> {
  const client = new Client({ connectionString: url });
  await client.connect();
  try {
    const { rows } = await client.query<{ size: string; note: string }>(
      'SELECT size, note FROM ledger_checkpoints ORDER BY size',
    );
    return new Map(
      rows.map((r) => {
        const note = parseNote(r.note);
        const parsed = note.ok ? parseCheckpoint(note.value.text) : undefined;
        return [Number(r.size), parsed?.ok ? toBase64(parsed.value.root) : 'unparsable'];
      }),
    );
  } finally {
    await client.end();
  }
}
