import { LIST_LENGTH } from './bitstring';

/** The two lists every credential is on: revocation (final) and suspension (may be lifted). */
export const STATUS_PURPOSES = ['revocation', 'suspension'] as const;
export type StatusPurpose = (typeof STATUS_PURPOSES)[number];

/** A list's id in the ledger's routes: `<purpose>-<n>`, list n holding indexes n·L … (n+1)·L−1. */
export function statusListId(purpose: StatusPurpose, index: number): string {
  return `${purpose}-${Math.floor(index / LIST_LENGTH)}`;
}

/** The purpose and list number a list id names, or undefined. */
export function parseStatusListId(
  id: string,
): { purpose: StatusPurpose; list: number } | undefined {
  const match = /^(revocation|suspension)-(0|[1-9]\d{0,6})$/.exec(id);
  return match ? { purpose: match[1] as StatusPurpose, list: Number(match[2]) } : undefined;
}

export const statusListUrl = (origin: string, purpose: StatusPurpose, index: number): string =>
  `${origin}/v1/status-lists/${statusListId(purpose, index)}`;
