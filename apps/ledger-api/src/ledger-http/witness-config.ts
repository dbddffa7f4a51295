import { readFileSync } from 'node:fs';
import type { WitnessEndpoint } from '@inr/ledger';
import { parseVerifierKey, SIG_TYPE_COSIGNATURE_V1, SIG_TYPE_ED25519 } from '@inr/transparency';

/** A witness we submit our checkpoints to. */
export interface WitnessTarget extends WitnessEndpoint {
  name: string;
}

/** LEDGER_WITNESS_CONFIG, parsed: whom we witness, and who witnesses us. */
export interface LedgerWitnessConfig {
  /** Our witness name (cosignature key name); default `<origin>/witness`. */
  name?: string;
  /** Logs we cosign: origin -> their log vkeys. */
  logs: Map<string, string[]>;
  witnesses: WitnessTarget[];
}

export class WitnessConfigError extends Error {
  constructor(file: string, reason: string) {
    super(`${file}: ${reason}`);
    this.name = 'WitnessConfigError';
  }
}

const EMPTY: LedgerWitnessConfig = { logs: new Map(), witnesses: [] };

/**
 * Reads the JSON file LEDGER_WITNESS_CONFIG names (LedgerConfig.witness.configFile):
 * `{ "name"?, "logs": [{ "origin", "vkey" }], "witnesses": [{ "name", "vkey", "url" }] }`.
 * No variable means no witnessing either way. A bad file stops start-up: silently running
 * without the configured witnesses would weaken every checkpoint.
 */
export function loadWitnessConfig(file: string | undefined): LedgerWitnessConfig {
  if (!file) return EMPTY;
  let raw: unknown;
  try {
    raw = JSON.parse(readFileSync(file, 'utf8'));
  } catch (e) {
    throw new WitnessConfigError(file, e instanceof Error ? e.message : 'unreadable');
  }
  const bad = (reason: string): never => {
    throw new WitnessConfigError(file, reason);
  };
  if (!isObject(raw)) return bad('expected a JSON object');
  const logs = new Map<string, string[]>();
  for (const entry of arrayField(raw, 'logs', bad)) {
    const origin = stringField(entry, 'origin', bad);
    const vkey = keyOfType(stringField(entry, 'vkey', bad), SIG_TYPE_ED25519, bad);
    logs.set(origin, [...(logs.get(origin) ?? []), vkey]);
  }
  const witnesses = arrayField(raw, 'witnesses', bad).map((entry): WitnessTarget => ({
    name: stringField(entry, 'name', bad),
    vkey: keyOfType(stringField(entry, 'vkey', bad), SIG_TYPE_COSIGNATURE_V1, bad),
    url: urlField(entry, bad),
  }));
  const name = raw['name'];
  if (name !== undefined && typeof name !== 'string') bad('"name" must be a string');
  return typeof name === 'string' ? { name, logs, witnesses } : { logs, witnesses };
}

type Bad = (reason: string) => never;
type Obj = Record<string, unknown>;

const isObject = (v: unknown): v is Obj => typeof v === 'object' && v !== null && !Array.isArray(v);

function arrayField(o: Obj, field: string, bad: Bad): Obj[] {
  const v = o[field] ?? [];
  if (!Array.isArray(v) || !v.every(isObject)) return bad(`"${field}" must be an array of objects`);
  return v;
}

function stringField(o: Obj, field: string, bad: Bad): string {
  const v = o[field];
  return typeof v === 'string' && v.length > 0 ? v : bad(`"${field}" must be a non-empty string`);
}

function keyOfType(vkey: string, type: number, bad: Bad): string {
  try {
    if (parseVerifierKey(vkey).type === type) return vkey;
  } catch {
    // reported below
  }
  return bad(`${vkey} is not a type 0x0${type} verifier key`);
}

function urlField(o: Obj, bad: Bad): string {
  const url = stringField(o, 'url', bad);
  return /^https?:\/\//.test(url) ? url : bad(`witness url ${url} must be http(s)`);
}
