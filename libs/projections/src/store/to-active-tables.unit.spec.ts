import { toActiveTables } from './to-active-tables';

const row = (name: string, version: number, status: string, tables: string[]) => ({
  name,
  version,
  status: status as 'active' | 'building' | 'retired',
  tables: JSON.stringify(tables),
});

describe('toActiveTables: a read of a dropped version, retried on the active one', () => {
  const versions = [
    row('event-index', 3, 'retired', ['event_index', 'case_institution']),
    row('event-index', 4, 'active', ['event_index', 'case_institution']),
    row('case-registry', 1, 'active', ['case_registry']),
    row('case-registry', 2, 'building', ['case_registry']),
  ];

  it("names the active version's tables instead of the retired one's", () => {
    expect(
      toActiveTables(
        'SELECT positions FROM event_index_v3 WHERE key IN (?) AND first < ?',
        versions,
      ),
    ).toBe('SELECT positions FROM event_index_v4 WHERE key IN (?) AND first < ?');
    expect(
      toActiveTables('SELECT institution_id FROM case_institution_v3 WHERE case_id = ?', versions),
    ).toBe('SELECT institution_id FROM case_institution_v4 WHERE case_id = ?');
  });

  it('leaves any other missing table alone: the error stands', () => {
    // An active or building version's table, another version number, no active replacement.
    expect(toActiveTables('SELECT doc FROM case_registry_v1', versions)).toBeUndefined();
    expect(toActiveTables('SELECT doc FROM case_registry_v2', versions)).toBeUndefined();
    expect(toActiveTables('SELECT positions FROM event_index_v30', versions)).toBeUndefined();
    expect(
      toActiveTables('SELECT * FROM workforce_v1', [row('workforce', 1, 'retired', ['workforce'])]),
    ).toBeUndefined();
  });
});
