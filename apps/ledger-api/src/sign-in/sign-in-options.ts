import type { ReadModels } from '@inr/projections';

/** A person of the ledger the development sign-in page offers, with where they work. */
export interface KnownPerson {
  id: string;
  institutionIds: string[];
}

export interface SignInPeople {
  institutions: string[];
  trainees: KnownPerson[];
  supervisors: KnownPerson[];
}

export type SignInOptions =
  | { mode: 'development'; people: SignInPeople }
  | { mode: 'oidc'; issuer: string; clientId: string; scope: string }
  | { mode: 'external' };

const PAGE = 1000;
/** Enough to find everyone in the demo's 5,000 cases; a developer's ledger is no bigger. */
const MAX_CASES = 20_000;

/**
 * Who appears in the case registry: trainees and the supervisors named on their cases, each
 * with the institutions of those cases, so the development sign-in can offer real people.
 */
export async function knownPeople(readModels: ReadModels): Promise<SignInPeople> {
  const trainees = new Map<string, Set<string>>();
  const supervisors = new Map<string, Set<string>>();
  const add = (into: Map<string, Set<string>>, id: string, institutionId: string): void => {
    const set = into.get(id) ?? new Set<string>();
    set.add(institutionId);
    into.set(id, set);
  };
  for (let offset = 0; offset < MAX_CASES; offset += PAGE) {
    const page = await readModels.cases({ limit: PAGE, offset, includeRetracted: true });
    for (const c of page.cases) {
      add(trainees, c.traineeId, c.institutionId);
      // A self-attested case names no supervisor.
      if (c.supervisorId !== undefined) add(supervisors, c.supervisorId, c.institutionId);
    }
    if (page.cases.length < PAGE) break;
  }
  const list = (m: Map<string, Set<string>>): KnownPerson[] =>
    [...m]
      .map(([id, set]) => ({ id, institutionIds: [...set].sort() }))
      .sort((a, b) => a.id.localeCompare(b.id));
  const institutions = new Set([...trainees.values()].flatMap((s) => [...s]));
  for (const id of await readModels.knownInstitutions()) institutions.add(id);
  return {
    institutions: [...institutions].sort(),
    trainees: list(trainees),
    supervisors: list(supervisors),
  };
}
