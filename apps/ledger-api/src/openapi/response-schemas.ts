import type { SchemaObject } from '@nestjs/swagger/dist/interfaces/open-api-spec.interface';

// Response bodies of the read routes that return plain objects (not DTO classes), as JSON
// Schema for openapi.json. Members are listed to the depth a client relies on; nested records
// that mirror domain events are `type: object` (their shapes are the events', docs/domain.md).

const str: SchemaObject = { type: 'string' };
const int: SchemaObject = { type: 'integer', minimum: 0 };
const obj = (
  properties: Record<string, SchemaObject>,
  description?: string,
  required = Object.keys(properties),
): SchemaObject => ({
  type: 'object',
  properties,
  required,
  ...(description === undefined ? {} : { description }),
});
const list = (items: SchemaObject, description?: string): SchemaObject => ({
  type: 'array',
  items,
  ...(description === undefined ? {} : { description }),
});
const record = (description: string): SchemaObject => ({ type: 'object', description });
const date = (description = 'YYYY-MM-DD'): SchemaObject => ({ type: 'string', description });

export const HEALTH = obj({ status: { type: 'string', enum: ['ok'] } });
export const READY = obj({ status: { type: 'string', enum: ['ready'] }, events: int });

const nullable = (type: string, description?: string): SchemaObject => ({
  type,
  nullable: true,
  ...(description === undefined ? {} : { description }),
});
const SOURCE: SchemaObject = { type: 'string', enum: ['ledger', 'catalogue'] };

export const PATHWAY_LIST = obj({
  pathways: list(
    obj({
      pathwayId: str,
      versions: list(
        obj({ version: str, contentHash: str, publishedAt: nullable('string'), source: SOURCE }),
      ),
    }),
  ),
});

export const PATHWAY_VERSIONS = obj({
  pathwayId: str,
  versions: list(
    obj({
      pathwayId: str,
      version: str,
      contentHash: { type: 'string', description: 'hex SHA-256 of the RFC 8785 document' },
      document: record('the pathway document (docs/pathway-format.md)'),
      source: SOURCE,
      publishedBy: nullable('string'),
      publishedAt: nullable('string'),
      changeNote: nullable('string'),
      position: nullable('integer', 'leaf index of the publication; null for the catalogue'),
    }),
    'shipped catalogue versions first, then publications in ledger order',
  ),
});

const HISTORY = list(
  record('one event of the stream: type, position, recordedAt, actor, data'),
  'the stream, oldest first',
);

export const TRAINEE = obj({
  traineeId: str,
  revision: { type: 'integer', description: 'stream revision; send as If-Match' },
  state: record('the trainee record as folded from its stream'),
  history: HISTORY,
  cases: list(obj({ caseId: str, revision: int, state: record('the case as folded') })),
  erasure: {
    ...record('the SubjectDataErased event (when, by whom, why), or null: docs/privacy.md'),
    nullable: true,
  },
});

export const CASE = obj({
  caseId: str,
  revision: { type: 'integer', description: 'stream revision; also the ETag' },
  state: record('the case as folded from its stream: record, sign-off, retraction'),
  history: HISTORY,
});

export const PENDING_SIGN_OFFS = obj({
  supervisorId: str,
  pending: list(obj({ caseId: str, revision: int, record: record('the case as logged') })),
});

const EVALUATION = obj(
  {
    pathwayId: str,
    pathwayVersion: str,
    traineeId: str,
    evaluatedOn: date(),
    performedBy: date(),
    met: { type: 'boolean' },
    requirements: list(
      obj({
        id: str,
        kind: str,
        description: str,
        target: { type: 'number' },
        achieved: { type: 'number' },
        met: { type: 'boolean' },
        countedEventIds: list(str),
        supportingEventIds: list(str),
        unconfirmedParameters: list(str),
        alternatives: list(
          obj({ target: int, windowMonths: int, achieved: int, met: { type: 'boolean' } }),
        ),
      }),
    ),
  },
  'the evaluator output: per requirement its target, count, whether met and the events counted',
);

const OLDER_RULE = {
  acceptedUnderRulesVersion: {
    type: 'integer',
    description: 'the newest rules version the evidence satisfies (docs/domain.md)',
  },
  breaches: list(
    obj({ code: str, message: str, introducedIn: int }),
    'current rules the evidence breaks, each with the rules version that introduced it',
  ),
} satisfies Record<string, SchemaObject>;

export const TRAINEE_STATUS = obj({
  traineeId: str,
  ledgerSize: int,
  evaluatedOn: date(),
  pathways: list({
    oneOf: [
      obj({
        pathwayId: str,
        pathwayVersion: str,
        source: { type: 'string', enum: ['ledger', 'catalogue'] },
        evaluation: EVALUATION,
      }),
      obj({
        pathwayId: str,
        pathwayVersion: { type: 'string', nullable: true },
        source: { type: 'string', nullable: true },
        error: { type: 'string', enum: ['unknown-pathway'] },
      }),
    ],
  }),
  rulesVersion: { type: 'integer', description: 'the rules version the ledger applies today' },
  evidenceUnderOlderRules: list(
    obj({
      eventId: str,
      evidence: { type: 'string', enum: ['case', 'training-time'] },
      caseId: { type: 'string', nullable: true },
      ...OLDER_RULE,
      countedBy: list(obj({ pathwayId: str, requirementId: str })),
    }),
    'evidence accepted under an older rule: it still counts, and is shown so a panel can weigh it',
  ),
});

export const CASE_PAGE = obj({
  ledgerSize: int,
  total: int,
  cases: list(record('a case record: the case as amended, its sign-off state and history')),
});

const CASE_QUEUE_ITEM = obj(
  {
    kind: { type: 'string', enum: ['case'] },
    caseId: str,
    traineeId: str,
    institutionId: str,
    procedure: str,
    performedOn: date(),
    operatorRole: str,
    supervisionLevel: { type: 'integer', minimum: 1, maximum: 5 },
    details: record("the procedure's details as logged (no patient identifiers)"),
    notes: str,
    signOff: { type: 'string', enum: ['awaiting', 'withdrawn'] },
    amendments: int,
    waitingSince: str,
  },
  'a case awaiting (or awaiting again) this supervisor’s sign-off',
  [
    'kind',
    'caseId',
    'traineeId',
    'institutionId',
    'procedure',
    'performedOn',
    'operatorRole',
    'supervisionLevel',
    'details',
    'signOff',
    'amendments',
    'waitingSince',
  ],
);

const REQUEST_QUEUE_ITEM = obj(
  {
    kind: { type: 'string', enum: ['assessment-request', 'competency-request'] },
    requestId: str,
    traineeId: str,
    institutionId: str,
    assessmentType: str,
    procedure: str,
    caseId: str,
    competencyId: str,
    requestedOn: date(),
    note: { type: 'string', description: "the trainee's note; shown to the person named only" },
    waitingSince: str,
  },
  'a trainee’s request addressed to this person',
  ['kind', 'requestId', 'traineeId', 'institutionId', 'requestedOn', 'waitingSince'],
);

export const SUPERVISOR_QUEUE = obj({
  supervisorId: str,
  ledgerSize: int,
  items: list({ oneOf: [CASE_QUEUE_ITEM, REQUEST_QUEUE_ITEM] }, 'oldest first'),
});

export const BULK_SIGN_OFF = obj({
  supervisorId: str,
  items: list(
    obj({
      index: int,
      kind: { type: 'string', enum: ['case', 'assessment-request', 'competency-request'] },
      target: str,
      eventIds: list(str),
      streamId: str,
      revision: int,
      position: int,
    }),
    'one per item, in the order sent',
  ),
});

export const REFLECTIONS = obj({
  traineeId: str,
  reflections: list(
    obj(
      {
        reflectionId: str,
        writtenOn: date(),
        title: str,
        text: str,
        caseId: str,
        sharedWith: obj({ supervisorIds: list(str), panel: { type: 'boolean' } }),
        position: int,
      },
      'a reflection (personal: shown to its author and to those it is shared with)',
      ['reflectionId', 'writtenOn', 'title', 'text', 'sharedWith', 'position'],
    ),
  ),
});

export const AUDIT_REPORT = record(
  'the trust audit: institution, period, ledger size and signed checkpoint, rows per dimension and metric',
);

export const AUDIT_BUNDLE = obj({
  format: { type: 'string', enum: ['inr-ledger-audit-bundle/v1'] },
  checkpoint: { type: 'string', description: 'signed checkpoint note with cosignature lines' },
  events: list(obj({ leafIndex: int, leaf: str, proof: list(str) }), 'ascending leafIndex'),
  scope: obj({ institutionId: str, from: date(), to: date() }),
  report: record('the audit report as computed at the checkpoint'),
});

export const WORKFORCE = obj({
  ledgerSize: int,
  traineesBySpecialtyAndStage: list(obj({ specialty: str, stage: str, trainees: int })),
  credentialsGrantedPerYear: list(obj({ year: str, credentials: int })),
  credentialedOperatorsPerInstitution: list(obj({ institutionId: str, operators: int })),
});

export const PROVENANCE = obj({
  decision: record('the decision: ids, outcome, pathway, ledgerSize, who and when'),
  events: list(
    obj(
      {
        eventId: str,
        type: str,
        streamId: str,
        role: { type: 'string', enum: ['counted', 'supporting', 'pathway', 'application'] },
        requirementIds: list(str),
        position: int,
        recordedAt: str,
        performedOn: { type: 'string', nullable: true },
        actor: { type: 'object', nullable: true },
        laterChanges: list(record('an event after the decision that changed this one')),
        acceptedUnderOlderRule: {
          ...obj(OLDER_RULE),
          nullable: true,
          description: 'set when, as it stood at the decision, today rules would refuse it',
        },
      },
      undefined,
    ),
  ),
  externalEvents: list(
    obj({
      eventId: { type: 'string', description: "the foreign CaseLogged event's id" },
      external: { type: 'boolean', enum: [true] },
      role: { type: 'string', enum: ['counted', 'supporting'] },
      requirementIds: list(str),
      origin: { type: 'string', description: "the foreign log's origin" },
      checkpoint: obj({ size: int, root: str }),
      foreignLeafIndex: int,
      foreignTraineeId: str,
      caseId: str,
      institutionId: str,
      performedOn: date(),
      supervisorId: nullable('string'),
      recognitionId: str,
      recognitionEventId: str,
      recognitionPosition: int,
      bundleHash: str,
    }),
    'cases recognised from another ledger that the evaluation counted',
  ),
  missingEventIds: list(str),
  pathwayFromCatalogue: { type: 'boolean' },
});

// Panel work (docs/ledger-format.md §16): applications, votes, decisions, review flags.
const REVIEW_FLAG = obj(
  {
    flagId: str,
    decisionId: str,
    cause: { type: 'string', enum: ['signer-revoked-for-cause'] },
    supervisorId: str,
    revokedOn: date(),
    eventIds: list(str, 'the evidence the revoked supervisor vouched for'),
    requirementIds: list(str),
    flaggedOn: date(),
    eventId: str,
    position: int,
    resolution: {
      ...obj({ resolution: str, panelMemberId: str, resolvedOn: date(), eventId: str }),
      nullable: true,
      description: "the panel's answer, null while the flag is open",
    },
  },
  'a review flag on a granted decision; it changes neither the decision nor the credential',
);
const FLAG_ON_DECISION = {
  ...REVIEW_FLAG,
  properties: {
    ...REVIEW_FLAG.properties,
    requirements: list(
      obj({
        requirementId: str,
        target: int,
        achieved: int,
        flagged: int,
        achievedWithout: int,
        metWithout: { type: 'boolean' },
      }),
      'what each requirement would count without the flagged evidence',
    ),
  },
  required: [...(REVIEW_FLAG.required ?? []), 'requirements'],
} satisfies SchemaObject;
const VOTE = obj({ panelMemberId: str, outcome: str, votedOn: date() });

export const APPLICATION_PAGE = obj({
  ledgerSize: int,
  total: int,
  limit: int,
  offset: int,
  applications: list(
    obj({
      applicationId: str,
      traineeId: str,
      institutionId: nullable('string', "the trainee's current institution"),
      pathwayId: str,
      pathwayVersion: str,
      submittedOn: date(),
      ageDays: int,
      deferrals: int,
      votes: list(VOTE, "this round's votes"),
    }),
    'oldest first',
  ),
});

export const APPLICATION = obj({
  applicationId: str,
  traineeId: str,
  institutionId: nullable('string'),
  pathwayId: str,
  pathwayVersion: str,
  submittedOn: date(),
  submittedPosition: int,
  status: {
    type: 'string',
    enum: ['awaiting-decision', 'granted', 'refused', 'active', 'suspended', 'revoked'],
  },
  deferrals: int,
  votes: list(obj({ ...VOTE.properties, round: int, eventId: str, position: int })),
  decisions: list(
    obj({ decisionId: str, outcome: str, decidedOn: date(), eventId: str, position: int }),
  ),
  credentialId: nullable('string'),
  flags: list(REVIEW_FLAG),
  panel: obj({ quorum: int, excludeTraineeInstitutions: { type: 'boolean' } }),
  votesToQuorum: int,
  evaluation: { ...EVALUATION, nullable: true },
  ledgerSize: int,
  evaluatedOn: date(),
});

export const DECISION = obj({
  decision: record('the CredentialDecisionRecorded data as recorded'),
  eventId: str,
  position: int,
  recordedAt: str,
  actor: { type: 'object', nullable: true },
  applicationStatus: nullable('string', 'where the application stands now'),
  reviewFlags: list(FLAG_ON_DECISION),
});

export const REVIEW_QUEUE = obj({
  ledgerSize: int,
  flags: list(
    {
      ...REVIEW_FLAG,
      properties: {
        ...REVIEW_FLAG.properties,
        applicationId: str,
        traineeId: str,
        institutionId: nullable('string'),
        pathwayId: str,
        status: str,
      },
    },
    'open flags, oldest first',
  ),
});

export const REPLAY = obj({
  decisionId: str,
  traineeId: str,
  under: str,
  ledgerSize: int,
  pathwayId: str,
  pathwayVersion: str,
  pathwayHashMatches: { type: 'boolean', nullable: true },
  evaluatedOn: date(),
  identical: { type: 'boolean' },
  diff: record('per-requirement differences between recorded and replayed'),
  recorded: EVALUATION,
  replayed: EVALUATION,
  reviewFlags: list(
    FLAG_ON_DECISION,
    'flags on the decision: what they change, beside what was decided',
  ),
});

export const BUNDLE = obj(
  {
    format: { type: 'string', enum: ['inr-ledger-bundle/v1', 'inr-ledger-bundle/v2'] },
    checkpoint: { type: 'string', description: 'signed checkpoint note with cosignature lines' },
    events: list(obj({ leafIndex: int, leaf: str, proof: list(str) }), 'ascending leafIndex'),
    pathway: record('the pathway document the decision names'),
    decision: obj({ leafIndex: int, eventId: str, record: record('the decision leaf data') }),
    foreign: list(
      record('a trainee bundle from another ledger that a recognition in the evidence rests on'),
      'v2 only: present exactly when the evidence holds recognitions (§8.4)',
    ),
  },
  'docs/ledger-format.md §8',
  ['format', 'checkpoint', 'events', 'pathway', 'decision'],
);

export const TRAINEE_BUNDLE = obj(
  {
    format: { type: 'string', enum: ['inr-ledger-trainee-bundle/v1'] },
    traineeId: str,
    checkpoint: { type: 'string', description: 'signed checkpoint note with cosignature lines' },
    commitment: int,
    events: list(obj({ leafIndex: int, leaf: str, proof: list(str) }), 'ascending leafIndex'),
    foreign: list(record('a trainee bundle from another ledger that a recognition rests on')),
  },
  'docs/ledger-format.md §15',
);

export const SUBJECT_ACCESS = obj({
  format: { type: 'string', enum: ['inr-ledger-subject-access/v1'] },
  subjectId: str,
  generatedAt: { type: 'string', description: 'ISO 8601' },
  ledgerSize: int,
  personalData: {
    type: 'string',
    enum: ['held', 'erased', 'none-or-unavailable'],
    description: "whether the person's data key is held, was destroyed, or is not in the key store",
  },
  erasure: {
    ...record('the SubjectDataErased record (erasedOn, reason), or null'),
    nullable: true,
  },
  events: list(
    obj({
      eventId: str,
      type: str,
      streamId: str,
      position: int,
      recordedAt: str,
      data: record('the event, personal fields decrypted ("[erased]" once erased)'),
      actor: { ...record('who recorded it'), nullable: true },
    }),
  ),
});

const PROOF = obj(
  {
    type: { type: 'string', enum: ['DataIntegrityProof'] },
    cryptosuite: { type: 'string', enum: ['eddsa-rdfc-2022'] },
    created: str,
    verificationMethod: str,
    proofPurpose: { type: 'string', enum: ['assertionMethod'] },
    proofValue: str,
  },
  'Data Integrity proof (eddsa-rdfc-2022)',
);

export const OPEN_BADGE_CREDENTIAL = obj(
  {
    '@context': list(str),
    id: str,
    type: list(str),
    name: str,
    issuer: record('the issuer profile: did:web id, name, url'),
    validFrom: str,
    credentialSubject: record('AchievementSubject: the trainee record and the achievement'),
    evidence: list(record('the decision, its bundle, its leaf in a signed checkpoint')),
    credentialStatus: list(record('BitstringStatusListEntry, revocation and suspension')),
    proof: PROOF,
  },
  'Open Badges 3.0 OpenBadgeCredential (W3C VC 2.0), docs/credentials.md',
  ['@context', 'id', 'type', 'issuer', 'validFrom', 'credentialSubject', 'proof'],
);

const STATUS_NAME: SchemaObject = { type: 'string', enum: ['valid', 'suspended', 'revoked'] };
const STATUS_ENTRY = {
  status: STATUS_NAME,
  since: date('the day of the change'),
  position: { ...int, description: 'ledger position (leaf index) of the event' },
  event: str,
};
export const CREDENTIAL_STATUS = obj({
  credentialId: str,
  ...STATUS_ENTRY,
  history: list(obj(STATUS_ENTRY), 'every status, oldest first'),
});

export const STATUS_LIST_CREDENTIAL = obj(
  {
    '@context': list(str),
    id: str,
    type: list(str),
    issuer: str,
    validFrom: str,
    credentialSubject: obj({
      id: str,
      type: { type: 'string', enum: ['BitstringStatusList'] },
      statusPurpose: { type: 'string', enum: ['revocation', 'suspension'] },
      encodedList: { type: 'string', description: 'multibase base64url of the GZIP bitstring' },
    }),
    proof: PROOF,
  },
  'W3C Bitstring Status List credential',
);

export const DID_DOCUMENT = obj(
  {
    '@context': list(str),
    id: str,
    verificationMethod: list(
      obj({
        id: str,
        type: { type: 'string', enum: ['Multikey'] },
        controller: str,
        publicKeyMultibase: str,
      }),
    ),
    assertionMethod: list(str),
  },
  'the issuer DID document (did:web)',
);
