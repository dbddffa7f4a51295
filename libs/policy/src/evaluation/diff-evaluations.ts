import type { JsonValue } from '@inr/domain';
import type { Evaluation, RequirementResult } from './evaluation';
import { sortedUnique } from './requirement-context';

export type FieldDifference = { field: string; recorded: JsonValue; replayed: JsonValue };

export type IdListDifference = {
  field: 'countedEventIds' | 'supportingEventIds' | 'unconfirmedParameters';
  onlyInRecorded: string[];
  onlyInReplayed: string[];
};

export type RequirementDifference = {
  id: string;
  change: 'changed' | 'only-in-recorded' | 'only-in-replayed';
  fields: FieldDifference[];
  idLists: IdListDifference[];
};

export type EvaluationDiff = {
  /** True exactly when both serialise to the same bytes. */
  identical: boolean;
  header: FieldDifference[];
  requirements: RequirementDifference[];
};

const HEADER_FIELDS = [
  'pathwayId',
  'pathwayVersion',
  'traineeId',
  'evaluatedOn',
  'performedBy',
  'met',
] as const;
const SCALAR_FIELDS = ['kind', 'description', 'target', 'achieved', 'met', 'alternatives'] as const;
const ID_FIELDS = ['countedEventIds', 'supportingEventIds', 'unconfirmedParameters'] as const;

// A recorded evaluation comes back from JSON and may predate a field: absent reads as null.
function read(value: unknown): JsonValue {
  return value === undefined ? null : (value as JsonValue);
}

function same(a: unknown, b: unknown): boolean {
  return JSON.stringify(read(a)) === JSON.stringify(read(b));
}

function ids(value: unknown): string[] {
  return Array.isArray(value) ? value.filter((v): v is string => typeof v === 'string') : [];
}

function diffRequirement(
  recorded: RequirementResult,
  replayed: RequirementResult,
): RequirementDifference | undefined {
  const fields: FieldDifference[] = SCALAR_FIELDS.filter(
    (f) => !same(recorded[f], replayed[f]),
  ).map((f) => ({
    field: f,
    recorded: read(recorded[f]),
    replayed: read(replayed[f]),
  }));
  const idLists: IdListDifference[] = [];
  for (const field of ID_FIELDS) {
    const a = new Set(ids(recorded[field]));
    const b = new Set(ids(replayed[field]));
    const onlyInRecorded = sortedUnique([...a].filter((id) => !b.has(id)));
    const onlyInReplayed = sortedUnique([...b].filter((id) => !a.has(id)));
    if (
      onlyInRecorded.length > 0 ||
      onlyInReplayed.length > 0 ||
      !same(recorded[field], replayed[field])
    ) {
      idLists.push({ field, onlyInRecorded, onlyInReplayed });
    }
  }
  if (fields.length === 0 && idLists.length === 0) return undefined;
  return { id: recorded.id, change: 'changed', fields, idLists };
}

/**
 * Requirement-by-requirement differences between a recorded evaluation and its replay, for
 * decision replay: which counts moved and which events entered or left the provenance.
 */
export function diffEvaluations(recorded: Evaluation, replayed: Evaluation): EvaluationDiff {
  const header: FieldDifference[] = HEADER_FIELDS.filter(
    (f) => !same(recorded[f], replayed[f]),
  ).map((f) => ({
    field: f,
    recorded: read(recorded[f]),
    replayed: read(replayed[f]),
  }));
  const recordedList = Array.isArray(recorded.requirements) ? recorded.requirements : [];
  const replayedList = Array.isArray(replayed.requirements) ? replayed.requirements : [];
  const replayedById = new Map(replayedList.map((r) => [r.id, r]));
  const recordedIds = new Set(recordedList.map((r) => r.id));
  const requirements: RequirementDifference[] = [];
  for (const r of recordedList) {
    const other = replayedById.get(r.id);
    const d = other
      ? diffRequirement(r, other)
      : { id: r.id, change: 'only-in-recorded' as const, fields: [], idLists: [] };
    if (d) requirements.push(d);
  }
  for (const r of replayedList) {
    if (!recordedIds.has(r.id))
      requirements.push({ id: r.id, change: 'only-in-replayed', fields: [], idLists: [] });
  }
  const order = (list: RequirementResult[]): JsonValue => list.map((r) => r.id);
  if (!same(order(recordedList), order(replayedList))) {
    header.push({
      field: 'requirementOrder',
      recorded: order(recordedList),
      replayed: order(replayedList),
    });
  }
  return { identical: JSON.stringify(recorded) === JSON.stringify(replayed), header, requirements };
}
