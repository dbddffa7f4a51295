import { hasControlChar } from './control-chars';
import { Checkpoint, parseCheckpoint } from './checkpoint';
import { cosignatureTimestamp, cosignatureVerifier } from './cosignature';
import { ed25519Verifier } from './ed25519-note';
import {
  NoteKeyError,
  parseVerifierKey,
  ParsedVerifierKey,
  SIG_TYPE_COSIGNATURE_V1,
  SIG_TYPE_ED25519,
} from './note-keys';
import { NoteResult, NoteVerifier, parseNote, verifySignatures } from './signed-note';

/** A C2SP tlog-policy: known logs, named witnesses, groups and the quorum rule. */
export interface TrustPolicy {
  logs: PolicyLog[];
  witnesses: PolicyWitness[];
  /** The quorum: `none`, or a witness or group name. */
  quorum: string;
  /** Groups by name, in definition order. */
  groups: PolicyGroup[];
}

export interface PolicyLog {
  vkey: string;
  key: ParsedVerifierKey;
  url?: string;
}

export interface PolicyWitness {
  name: string;
  vkey: string;
  key: ParsedVerifierKey;
  url?: string;
}

export interface PolicyGroup {
  name: string;
  threshold: number;
  members: string[];
}

export class TrustPolicyError extends Error {
  constructor(
    readonly line: number,
    reason: string,
  ) {
    super(`policy line ${line}: ${reason}`);
    this.name = 'TrustPolicyError';
  }
}

export function parseTrustPolicy(text: string): TrustPolicy {
  const policy: TrustPolicy = { logs: [], witnesses: [], groups: [], quorum: '' };
  const names = new Set<string>();
  const pubkeys = new Set<string>();
  let quorumSeen = false;
  text.split('\n').forEach((raw, i) => {
    const n = i + 1;
    if (hasControlChar(raw, '\t', true)) throw new TrustPolicyError(n, 'control character');
    const line = raw.trim();
    if (line === '' || line.startsWith('#')) return;
    const [keyword, ...args] = line.split(/[ \t]+/) as [string, ...string[]];
    const key = (vkey: string | undefined, type: number): ParsedVerifierKey => {
      if (vkey === undefined) throw new TrustPolicyError(n, 'missing vkey');
      let k: ParsedVerifierKey;
      try {
        k = parseVerifierKey(vkey);
      } catch (e) {
        throw new TrustPolicyError(n, e instanceof NoteKeyError ? e.message : 'bad vkey');
      }
      if (k.type !== type) throw new TrustPolicyError(n, `vkey must have signature type ${type}`);
      const pub = Buffer.from(k.publicKey).toString('hex');
      if (pubkeys.has(pub)) throw new TrustPolicyError(n, 'duplicate public key');
      pubkeys.add(pub);
      return k;
    };
    const define = (name: string | undefined): string => {
      if (name === undefined || name === 'none') throw new TrustPolicyError(n, 'bad name');
      if (names.has(name)) throw new TrustPolicyError(n, `${name} is already defined`);
      names.add(name);
      return name;
    };
    switch (keyword) {
      case 'log':
        if (args.length < 1 || args.length > 2) throw new TrustPolicyError(n, 'log <vkey> [url]');
        policy.logs.push(
          withUrl({ vkey: args[0] as string, key: key(args[0], SIG_TYPE_ED25519) }, args[1]),
        );
        return;
      case 'witness': {
        if (args.length < 2 || args.length > 3)
          throw new TrustPolicyError(n, 'witness <name> <vkey> [url]');
        const name = define(args[0]);
        const k = key(args[1], SIG_TYPE_COSIGNATURE_V1);
        policy.witnesses.push(withUrl({ name, vkey: args[1] as string, key: k }, args[2]));
        return;
      }
      case 'group': {
        const [name, k, ...members] = args;
        if (k === undefined || members.length === 0)
          throw new TrustPolicyError(n, 'group <name> <k> <members...>');
        const threshold =
          k === 'all'
            ? members.length
            : k === 'any'
              ? 1
              : /^[1-9][0-9]*$/.test(k)
                ? Number(k)
                : NaN;
        if (!(threshold >= 1 && threshold <= members.length))
          throw new TrustPolicyError(n, 'bad threshold');
        if (new Set(members).size !== members.length)
          throw new TrustPolicyError(n, 'repeated member');
        for (const m of members)
          if (!names.has(m)) throw new TrustPolicyError(n, `${m} is not defined above`);
        policy.groups.push({ name: define(name), threshold, members });
        return;
      }
      case 'quorum':
        if (quorumSeen) throw new TrustPolicyError(n, 'a second quorum line');
        if (args.length !== 1) throw new TrustPolicyError(n, 'quorum <name>');
        if (args[0] !== 'none' && !names.has(args[0] as string)) {
          throw new TrustPolicyError(n, `${args[0]} is not defined above`);
        }
        policy.quorum = args[0] as string;
        quorumSeen = true;
        return;
      default:
        throw new TrustPolicyError(n, `unknown keyword ${keyword}`);
    }
  });
  if (!quorumSeen) throw new TrustPolicyError(0, 'no quorum line');
  return policy;
}

/** Whether the witnesses named in `cosigned` satisfy the policy's quorum. */
export function quorumSatisfied(policy: TrustPolicy, cosigned: ReadonlySet<string>): boolean {
  const groups = new Map(policy.groups.map((g) => [g.name, g]));
  const holds = (name: string): boolean => {
    const g = groups.get(name);
    if (g === undefined) return cosigned.has(name);
    return g.members.filter(holds).length >= g.threshold;
  };
  return policy.quorum === 'none' || holds(policy.quorum);
}

export interface VerifiedCheckpoint {
  checkpoint: Checkpoint;
  /** The note text (checkpoint body) that was signed. */
  text: string;
  /** Policy names of the witnesses whose cosignatures verified, with their timestamps. */
  cosigners: { name: string; timestamp: number }[];
}

/**
 * A checkpoint note is valid under a policy when a listed log whose key name is the
 * checkpoint origin signed it, and the verified witness cosignatures satisfy the quorum.
 * A known key whose signature fails rejects the note (signed-note rule).
 */
export function verifyCheckpointNote(
  note: string,
  policy: TrustPolicy,
): NoteResult<VerifiedCheckpoint> {
  const parsed = parseNote(note);
  if (!parsed.ok) return parsed;
  const checkpoint = parseCheckpoint(parsed.value.text);
  if (!checkpoint.ok) return checkpoint;
  const logs: NoteVerifier[] = policy.logs
    .filter((l) => l.key.name === checkpoint.value.origin)
    .map((l) => ed25519Verifier(l.key));
  const logSigs = verifySignatures(parsed.value, logs);
  if (!logSigs.ok) return { ok: false, reason: `log signature: ${logSigs.reason}` };
  if (logSigs.value.length === 0)
    return { ok: false, reason: 'log signature: no signature from a known log key' };
  const witnesses = policy.witnesses.map((w) => ({
    name: w.name,
    verifier: cosignatureVerifier(w.key),
  }));
  const cosigs = verifySignatures(
    parsed.value,
    witnesses.map((w) => w.verifier),
  );
  if (!cosigs.ok) return { ok: false, reason: `cosignature: ${cosigs.reason}` };
  const cosigners = cosigs.value.map((sig) => ({
    name:
      witnesses.find((w) => w.verifier.name === sig.name && w.verifier.keyId === sig.keyId)?.name ??
      sig.name,
    timestamp: cosignatureTimestamp(sig) ?? 0,
  }));
  if (!quorumSatisfied(policy, new Set(cosigners.map((c) => c.name)))) {
    return { ok: false, reason: 'witness quorum not met' };
  }
  return { ok: true, value: { checkpoint: checkpoint.value, text: parsed.value.text, cosigners } };
}

function withUrl<T extends object>(item: T, url: string | undefined): T & { url?: string } {
  return url === undefined ? item : { ...item, url };
}
