import { rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { Command } from 'commander';
import { SqliteEventStore } from '@inr/event-store';
import { Checkpointer, LedgerLog, loadSigningKey, SqliteHashStore } from '@inr/ledger';
import { formatSignerKey, generateNoteKey } from '@inr/transparency';
import { registerKeysCommand } from '../../apps/ledger-cli/src/commands/keys.command';
import { runCli } from './ledger-cli-runner';
import { DECISION_ID, ORIGIN, signedDataDir, type SignedDataDir } from './ledger-fixtures';

/** `inr-ledger keys <args>` in-process, stdout captured (runCli registers only audit/export/verify). */
async function keys(args: readonly string[]): Promise<string> {
  const out: string[] = [];
  const write = process.stdout.write.bind(process.stdout);
  process.stdout.write = ((chunk: string) => out.push(String(chunk)) > 0) as typeof write;
  try {
    const program = new Command('inr-ledger').exitOverride();
    registerKeysCommand(program);
    await program.parseAsync(['node', 'inr-ledger', 'keys', ...args]);
  } finally {
    process.stdout.write = write;
  }
  return out.join('');
}

/** What the service does after a restart: integrate, then sign with <dataDir>/log-key. */
async function serviceSigns(dataDir: string): Promise<number> {
  const events = await SqliteEventStore.open({ dataDir });
  const hashes = new SqliteHashStore(dataDir);
  try {
    const log = new LedgerLog(events, hashes);
    await log.catchUp();
    const key = loadSigningKey(dataDir, ORIGIN);
    return new Checkpointer(log, hashes, key, { origin: ORIGIN }).signNow()!.size;
  } finally {
    hashes.close();
    await events.close();
  }
}

describe('inr-ledger keys --rotate on a real sqlite data directory', () => {
  let dir: SignedDataDir;
  let file: (name: string) => string;
  const exportBundle = async (name: string): Promise<string> => {
    const out = file(name);
    const r = await runCli(['export', '--decision', DECISION_ID, '-o', out, '-d', dir.dataDir]);
    expect(r).toMatchObject({ code: 0 });
    return out;
  };
  const verify = (bundle: string, policy: string) => {
    writeFileSync(file('policy.txt'), policy);
    return runCli(['verify', bundle, '--policy', file('policy.txt')]);
  };

  beforeAll(async () => {
    dir = await signedDataDir({ cases: 3 });
    file = (name) => join(dir.dataDir, name);
  });
  afterAll(() => rmSync(dir.dataDir, { recursive: true, force: true }));

  it('rotates, lists both keys with their sizes, audits clean, and both bundles verify', async () => {
    const oldBundle = await exportBundle('old.json');
    const oldVkey = dir.logVerifierKey;
    const rotated = await keys(['--rotate', '-d', dir.dataDir]);
    const [, leaf] = /^rotated local-trust\/inr-ledger at leaf (\d+):/.exec(rotated) ?? [];
    const position = Number(leaf);
    expect(rotated).toContain(`old ${oldVkey}`);
    const newVkey = (await keys(['-d', dir.dataDir])).trim();
    expect(newVkey).not.toBe(oldVkey);
    expect(rotated).toContain(`new ${newVkey}`);

    expect(await serviceSigns(dir.dataDir)).toBe(position + 1);
    const lines = (await keys(['--all', '-d', dir.dataDir])).trim().split('\n');
    expect(lines).toEqual([
      `${oldVkey}  retired  sizes 1-${position}  2 checkpoints (1..${position})`,
      `${newVkey}  current  sizes ${position + 1}-  1 checkpoint (${position + 1}..${position + 1})`,
    ]);

    const audit = await runCli(['audit', '-d', dir.dataDir]);
    expect(audit).toMatchObject({ code: 0 });
    expect(audit.out).toContain('3 signed checkpoints agree');

    // The relying party's old policy (old key + witnesses) still verifies the old bundle...
    expect(await verify(oldBundle, dir.policy)).toMatchObject({ code: 0 });
    // ...a policy with only the new key verifies new checkpoints, not old ones...
    const newOnly = await keys(['--trust-policy', '-d', dir.dataDir]);
    expect(newOnly).toBe(`log ${newVkey}\nquorum none\n`);
    const newBundle = await exportBundle('new.json');
    expect(await verify(newBundle, newOnly)).toMatchObject({ code: 0 });
    expect((await verify(oldBundle, newOnly)).out).toMatch(/FAILED check log-signature/);
    // ...and one listing every key verifies both.
    const all = await keys(['--trust-policy', '--all', '-d', dir.dataDir]);
    expect(all).toBe(`log ${oldVkey}\nlog ${newVkey}\nquorum none\n`);
    expect(await verify(oldBundle, all)).toMatchObject({ code: 0 });
    expect(await verify(newBundle, all)).toMatchObject({ code: 0 });
  });

  // Runs on the rotated directory the test above leaves.
  it('a log-key swapped by hand after the rotation is still key-replaced', async () => {
    const intruder = generateNoteKey(ORIGIN);
    writeFileSync(file('log-key'), `${formatSignerKey(intruder)}\n`, { mode: 0o600 });
    const r = await runCli(['audit', '-d', dir.dataDir]);
    expect(r.code).toBe(1);
    expect(r.out).toMatch(/FAILED key-replaced:/);
    await expect(serviceSigns(dir.dataDir)).rejects.toThrow(/signed with/);
  });
});
