// The repository must explain itself: a comment, test, pathway note or doc that points at a
// file outside it (a team folder, someone's machine) leaves the next maintainer a dead link.
import { execFileSync } from 'node:child_process';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { dirname, join, resolve, sep } from 'node:path';

const ROOT = resolve(__dirname, '../..');
// This file's own examples are made up to point outside, so it does not read itself.
const SKIPPED = new Set(['package-lock.json', 'tests/repository/self-contained.unit.spec.ts']);
// Joined at run time so that searching the repository for the team folder finds nothing.
const TEAM_NOTES = ['shared', 'DOMAIN.md'].join('/');
const NOT_SOURCE = /^(node_modules|dist|data[\w-]*|coverage|\.git)$/;

/** Tracked files; outside a git checkout, every file but dependencies and build output. */
function repositoryFiles(): string[] {
  try {
    return execFileSync('git', ['ls-files', '-z'], { cwd: ROOT, encoding: 'utf8' })
      .split('\0')
      .filter((file) => file !== '' && existsSync(join(ROOT, file)));
  } catch {
    const walk = (dir: string): string[] =>
      readdirSync(join(ROOT, dir), { withFileTypes: true }).flatMap((entry) => {
        if (NOT_SOURCE.test(entry.name)) return [];
        const path = dir === '' ? entry.name : `${dir}/${entry.name}`;
        return entry.isDirectory() ? walk(path) : [path];
      });
    return walk('');
  }
}

function inside(path: string): boolean {
  return path === ROOT || path.startsWith(ROOT + sep);
}

/** Relative paths that climb out of the repository, and .md files that are not in it. */
function outsideReferences(file: string, text: string): string[] {
  const here = dirname(join(ROOT, file));
  const found: string[] = [];
  for (const [ref] of text.matchAll(/(?:\.\.\/)+[\w@.-]*/g)) {
    if (!inside(resolve(here, ref))) found.push(ref);
  }
  for (const [ref] of text.matchAll(/[\w./-]*[\w-]\.md\b/g)) {
    const candidates = [resolve(here, ref), resolve(ROOT, ref)];
    if (!candidates.some((path) => inside(path) && existsSync(path))) found.push(ref);
  }
  return found;
}

describe('the repository is self-contained', () => {
  it('no file refers to a path outside the repository', () => {
    const offenders: string[] = [];
    for (const file of repositoryFiles()) {
      if (SKIPPED.has(file)) continue;
      const text = readFileSync(join(ROOT, file), 'utf8');
      if (text.includes('\0')) continue; // binary
      for (const ref of outsideReferences(file, text)) offenders.push(`${file}: ${ref}`);
    }
    expect(offenders).toEqual([]);
  });

  it.each([
    ['libs/domain/src/x.ts', `// see ../../../../${TEAM_NOTES}`],
    ['libs/policy/src/catalogue/p.json', `"note": "Read as summarised in ${TEAM_NOTES}."`],
    ['README.md', 'the design is in [NOTES.md](NOTES.md)'],
  ])('catches %s pointing outside: %s', (file, text) => {
    expect(outsideReferences(file, text)).not.toEqual([]);
  });

  it.each([
    ['apps/ledger-api/src/cases/log-case/x.ts', "import { plain } from '../../shared/plain';"],
    ['libs/domain/src/x.ts', '// the rule is in docs/domain.md, "Patient data"'],
    ['docs/architecture.md', 'see [the README](../README.md) and [format](ledger-format.md)'],
  ])('accepts %s pointing inside: %s', (file, text) => {
    expect(outsideReferences(file, text)).toEqual([]);
  });
});
