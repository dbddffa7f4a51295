import { randomBytes } from 'node:crypto';
import { openValue, parseEnvelope, sealValue } from '../src/personal-data/envelope';

describe('sealed values', () => {
  it('each gets its own IV, across refills of the IV pool, and opens to its plaintext', () => {
    const key = randomBytes(32);
    const ivs = new Set<string>();
    for (let i = 0; i < 1000; i++) {
      const envelope = parseEnvelope(sealValue(`note ${i}`, 'trn-1', key));
      if (!envelope) throw new Error('not an envelope');
      ivs.add(envelope.iv.toString('hex'));
      expect(openValue(envelope, key)).toBe(`note ${i}`);
    }
    expect(ivs.size).toBe(1000);
  });
});
