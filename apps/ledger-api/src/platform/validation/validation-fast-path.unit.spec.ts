import 'reflect-metadata';
import { plainToInstance } from 'class-transformer';
import { validate, type ValidatorOptions } from 'class-validator';
import { LogCaseDto } from '../../cases/log-case/log-case.dto';
import { EnrolTraineeDto } from '../../trainees/enrol-trainee/enrol-trainee.dto';
import { certainlyValid, fastPathApplies } from './validation-fast-path';

// The fast path may only ever say "valid" where class-validator finds no error: checked here
// against class-validator itself on valid bodies and on thousands of mutations of them.

const OPTIONS: ValidatorOptions = {
  whitelist: true,
  forbidNonWhitelisted: true,
  forbidUnknownValues: true,
  validationError: { target: false, value: false },
};

const logCase = (): Record<string, unknown> => ({
  institutionId: 'rvi-newcastle',
  procedure: 'mechanical-thrombectomy',
  performedOn: '2026-03-02',
  operatorRole: 'primary-supervised',
  supervisorId: 'sup-0007',
  supervisionLevel: 2,
  localRef: 'MT-2026-031',
  notes: 'uneventful',
  details: {
    procedure: 'mechanical-thrombectomy',
    occlusionSite: 'M1',
    tandemLesion: false,
    technique: 'stent-retriever',
    balloonGuideCatheter: true,
    rescueStenting: false,
    eticiByPass: ['2b50', '3'],
    finalEtici: '3',
    times: { arrival: '2026-03-02T10:00', groinPuncture: '2026-03-02T10:40' },
    complications: [],
  },
});

const coiling = (): Record<string, unknown> => ({
  ...logCase(),
  procedure: 'aneurysm-coiling',
  details: {
    procedure: 'aneurysm-coiling',
    ruptured: true,
    location: 'AComm',
    sizeMm: 6.5,
    wideNeck: false,
    technique: 'simple',
    complications: [],
  },
});

const enrol = (): Record<string, unknown> => ({
  traineeId: 'trn-0042',
  institutionId: 'rvi-newcastle',
  specialty: 'neurology',
  stage: 'ST5',
  enrolledOn: '2025-09-01',
  pathwayIds: [],
});

const ODD_VALUES: unknown[] = [
  undefined,
  null,
  '',
  'x',
  ' M1',
  0,
  -1,
  0.4,
  2,
  101,
  Number.NaN,
  true,
  false,
  [],
  ['3'],
  [1],
  {},
  { procedure: 'aneurysm-coiling' },
  { procedure: 'other' },
  '2026-02-30',
  '2999-01-01',
  'a'.repeat(2001),
  'enc:pd1:abc',
];

/** Deterministic pseudo-random numbers, so a failure can be replayed. */
function random(seed: number): () => number {
  let x = seed;
  return () => (x = (x * 1103515245 + 12345) % 2147483648) / 2147483648;
}

function paths(value: unknown, prefix: string[] = []): string[][] {
  if (value === null || typeof value !== 'object') return [prefix];
  const keys = Object.keys(value);
  return [
    prefix,
    ...keys.flatMap((key) => paths((value as Record<string, unknown>)[key], [...prefix, key])),
  ];
}

function mutate(body: Record<string, unknown>, next: () => number): Record<string, unknown> {
  const copy = JSON.parse(JSON.stringify(body)) as Record<string, unknown>;
  const all = paths(copy).filter((p) => p.length > 0);
  const times = 1 + Math.floor(next() * 2);
  for (let n = 0; n < times; n++) {
    const path = all[Math.floor(next() * all.length)]!;
    let parent = copy as Record<string, unknown>;
    for (const key of path.slice(0, -1)) {
      const child = parent[key];
      if (child === null || typeof child !== 'object') return copy;
      parent = child as Record<string, unknown>;
    }
    const last = path[path.length - 1]!;
    const roll = next();
    if (roll < 0.2) delete parent[last];
    else if (roll < 0.3) parent[`extra${n}`] = 1;
    else parent[last] = structuredClone(ODD_VALUES[Math.floor(next() * ODD_VALUES.length)]);
  }
  return copy;
}

/** The DTO instance the API's pipe validates. */
function entityOf(type: new () => object, body: unknown): object {
  return plainToInstance(type, body, { enableImplicitConversion: false }) as object;
}

async function classValidatorErrors(type: new () => object, body: unknown): Promise<number> {
  return (await validate(entityOf(type, body), OPTIONS)).length;
}

describe('validation fast path', () => {
  it('answers only for the options the API validates with', () => {
    expect(fastPathApplies(OPTIONS)).toBe(true);
    expect(fastPathApplies({ ...OPTIONS, whitelist: false })).toBe(false);
    expect(fastPathApplies({ ...OPTIONS, groups: ['a'] })).toBe(false);
    expect(fastPathApplies({ ...OPTIONS, skipMissingProperties: true })).toBe(false);
    expect(fastPathApplies(undefined)).toBe(false);
  });

  it.each([
    ['a thrombectomy', LogCaseDto, logCase],
    ['a coiling', LogCaseDto, coiling],
    ['an enrolment', EnrolTraineeDto, enrol],
  ] as const)('accepts %s body class-validator accepts', async (_name, type, body) => {
    expect(await classValidatorErrors(type, body())).toBe(0);
    expect(certainlyValid(entityOf(type, body()))).toBe(true);
  });

  it.each([
    ['a logged case', LogCaseDto, logCase, 1],
    ['a logged coiling', LogCaseDto, coiling, 2],
    ['an enrolment', EnrolTraineeDto, enrol, 3],
  ] as const)(
    'never accepts a mutation of %s that class-validator refuses',
    async (_name, type, body, seed) => {
      const next = random(seed);
      let refused = 0;
      let accepted = 0;
      for (let i = 0; i < 600; i++) {
        const mutated = mutate(body(), next);
        const errors = await classValidatorErrors(type, mutated);
        const fast = certainlyValid(entityOf(type, mutated));
        if (errors > 0) {
          refused++;
          expect({ mutated, fast }).toEqual({ mutated, fast: false });
        } else if (fast) accepted++;
      }
      // Both kinds occur, so the comparison means something.
      expect(refused).toBeGreaterThan(200);
      expect(accepted).toBeGreaterThan(10);
    },
  );
});
