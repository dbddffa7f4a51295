import {
  ANY,
  NO_STREAM,
  STREAM_EXISTS,
  WrongExpectedVersionError,
  type RecordedEvent,
} from '@eventstore/db-client';
import { WrongExpectedVersion } from '../port/errors';
import {
  fromEsdbCurrentRevision,
  isLedgerEvent,
  mapAppendError,
  toEsdbEvent,
  toEsdbExpectedRevision,
  toRecordedEvent,
} from './esdb-mapping';

describe('EventStoreDB mapping', () => {
  it('maps every expected revision to the client constant or a BigInt', () => {
    expect(toEsdbExpectedRevision('any')).toBe(ANY);
    expect(toEsdbExpectedRevision('no_stream')).toBe(NO_STREAM);
    expect(toEsdbExpectedRevision('stream_exists')).toBe(STREAM_EXISTS);
    expect(toEsdbExpectedRevision(0)).toBe(BigInt(0));
    expect(toEsdbExpectedRevision(41)).toBe(BigInt(41));
  });

  it('turns the client WrongExpectedVersionError into the port error with the actual revision', () => {
    const noStream = Object.assign(
      Object.create(WrongExpectedVersionError.prototype) as WrongExpectedVersionError,
      {
        actualVersion: NO_STREAM,
      },
    );
    const atSeven = Object.assign(
      Object.create(WrongExpectedVersionError.prototype) as WrongExpectedVersionError,
      {
        actualVersion: BigInt(7),
      },
    );
    expect(mapAppendError(noStream, 'case-1', 'stream_exists')).toEqual(
      new WrongExpectedVersion('case-1', 'stream_exists', -1),
    );
    const mapped = mapAppendError(atSeven, 'case-1', 3);
    expect(mapped).toBeInstanceOf(WrongExpectedVersion);
    expect(mapped).toMatchObject({ streamId: 'case-1', expected: 3, actual: 7 });
    const other = new Error('unavailable');
    expect(mapAppendError(other, 'case-1', 'any')).toBe(other);
    expect(fromEsdbCurrentRevision(BigInt(0))).toBe(0);
  });

  it('writes JSON events and reads them back as port events, metadata defaulting to {}', () => {
    const written = toEsdbEvent({
      id: '6f1c1f5e-2d7a-4b8e-9c1a-0e2f3a4b5c6d',
      type: 'CaseLogged',
      data: { n: 1 },
      metadata: { actor: 'u' },
      dataJson: '{"n":1}',
      metadataJson: '{"actor":"u"}',
    });
    expect(written).toEqual({
      id: '6f1c1f5e-2d7a-4b8e-9c1a-0e2f3a4b5c6d',
      contentType: 'application/json',
      type: 'CaseLogged',
      data: { n: 1 },
      metadata: { actor: 'u' },
    });
    const recorded = {
      streamId: 'case-1',
      id: written.id,
      isJson: true,
      revision: BigInt(3),
      type: 'CaseLogged',
      created: new Date('2025-01-02T03:04:05.678Z'),
      data: { n: 1 },
      metadata: undefined,
    } as RecordedEvent;
    expect(toRecordedEvent(recorded, 12, '2025-01-02T03:04:05.678Z')).toEqual({
      streamId: 'case-1',
      revision: 3,
      position: 12,
      id: written.id,
      type: 'CaseLogged',
      data: { n: 1 },
      metadata: {},
      recordedAt: '2025-01-02T03:04:05.678Z',
    });
    const binary = {
      ...recorded,
      data: new TextEncoder().encode('{"é":"✓"}'),
    } as unknown as RecordedEvent;
    expect(toRecordedEvent(binary, 0, 'x').data).toEqual({ é: '✓' });
  });

  it('leaves system streams and system event types out of the ledger', () => {
    expect(isLedgerEvent('case-1', 'CaseLogged')).toBe(true);
    expect(isLedgerEvent('$stats-127.0.0.1:2113', 'StatsCollected')).toBe(false);
    expect(isLedgerEvent('case-1', '$metadata')).toBe(false);
  });
});
