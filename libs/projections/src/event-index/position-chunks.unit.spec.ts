import {
  appendPositions,
  CHUNK_CAPACITY,
  decodePositions,
  type PositionChunk,
} from './position-chunks';

/** Appends batches one after the other, as successive flushes would, keeping every chunk row. */
function build(batches: number[][]): Map<number, PositionChunk> {
  const rows = new Map<number, PositionChunk>();
  let last: PositionChunk | undefined;
  for (const batch of batches) {
    for (const chunk of appendPositions(last, batch)) {
      rows.set(chunk.first, chunk);
      last = chunk;
    }
  }
  return rows;
}

describe('position chunks', () => {
  const positions = Array.from({ length: 3 * CHUNK_CAPACITY + 5 }, (_, i) => i * 37 + (i % 3));

  it('round-trips positions, large ones included', () => {
    const big = [0, 1, 127, 128, 16_383, 16_384, 2 ** 32 + 5, 2 ** 40];
    const [chunk] = appendPositions(undefined, big);
    expect(decodePositions(chunk!.positions)).toEqual(big);
    expect(chunk).toMatchObject({ first: 0, last: 2 ** 40, count: big.length });
  });

  it('gives the same rows however the positions were batched, and skips redeliveries', () => {
    const whole = build([positions]);
    const batched = build([
      positions.slice(0, 5),
      positions.slice(3, 200), // overlaps the previous batch
      positions.slice(200, 201),
      positions.slice(201),
    ]);
    expect([...batched.values()]).toEqual([...whole.values()]);
    expect(whole.size).toBe(4);
    const decoded = [...whole.values()].flatMap((chunk) => decodePositions(chunk.positions));
    expect(decoded).toEqual(positions);
  });
});
