export { ENVELOPE_PREFIX, isEnvelope } from './envelope';
export { LOCAL_KEY_WRAPPING, type KeyWrapping } from './key-wrapping';
export { PERSONAL_DATA_KEYS_FILE, PersonalDataKeys } from './personal-data-keys';
export {
  SubjectErasedError,
  type KeyLookup,
  type PersonalDataKeyStore,
  type WrappedKeys,
} from './key-store';
export {
  ERASED_VALUE,
  PersonalData,
  REDACTED_VALUE,
  subjectOfEvent,
  UNAVAILABLE_VALUE,
} from './personal-data';
export { eventsAboutSubject } from './subject-events';
export {
  addYears,
  retentionReport,
  type RetentionDue,
  type RetentionReport,
  type RetentionRules,
  type SubjectKind,
} from './retention';
export { recordErasure, type ErasureOutcome } from './record-erasure';
