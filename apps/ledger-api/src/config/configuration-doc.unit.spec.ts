import { readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { renderSettingsTable, SETTINGS } from './settings';

const DOC = join(__dirname, '../../../../docs/configuration.md');
const BEGIN = '<!-- BEGIN GENERATED: settings table (apps/ledger-api/src/config/settings.ts) -->';
const END = '<!-- END GENERATED -->';

/** The config module's own source, specs left out. */
const configSource = (): string =>
  readdirSync(__dirname)
    .filter((f) => f.endsWith('.ts') && !f.endsWith('.spec.ts'))
    .map((f) => readFileSync(join(__dirname, f), 'utf8'))
    .join('\n');

// Issue 12: every setting in one table, and that table is the one the code reads by.
describe('docs/configuration.md', () => {
  it('holds exactly the settings table (UPDATE_CONFIG_DOC=1 rewrites it)', () => {
    const generated = `${BEGIN}\n\n${renderSettingsTable()}\n\n`;
    const section = (doc: string): string => doc.slice(doc.indexOf(BEGIN), doc.indexOf(END));
    const doc = readFileSync(DOC, 'utf8');
    expect(doc.indexOf(END)).toBeGreaterThan(doc.indexOf(BEGIN));
    if (process.env['UPDATE_CONFIG_DOC'] === '1')
      writeFileSync(DOC, doc.replace(section(doc), generated));
    expect(section(readFileSync(DOC, 'utf8'))).toBe(generated);
  });

  it('lists no setting the configuration does not read', () => {
    const source = configSource().replace(/export const SETTINGS = \[[\s\S]*?\] as const/, '');
    const unread = SETTINGS.map((s) => s.name).filter((name) => !source.includes(`'${name}'`));
    expect(unread).toEqual([]);
  });

  it('names each setting once', () => {
    const names = SETTINGS.map((s) => s.name);
    expect(new Set(names).size).toBe(names.length);
  });
});
