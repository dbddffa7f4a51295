import type { CaseRecord } from '../case-registry/case-fold';
import { queryCases } from '../case-registry/query-cases';
import type { ReadModelContext } from '../read-model-context';
import { csvLine } from '../trust-audit/audit-csv';

/** One logbook line: a case the trainee logged, as amended, without patient identifiers. */
export interface LogbookEntry {
  caseId: string;
  performedOn: string;
  institutionId: string;
  procedure: CaseRecord['procedure'];
  operatorRole: CaseRecord['operatorRole'];
  supervisionLevel: CaseRecord['supervisionLevel'];
  supervisorId?: string;
  signOff: CaseRecord['signOff'];
  signedOn?: string;
  entrustment?: number;
  /** Thrombectomy: occlusion site, technique and final eTICI; other procedures leave them empty. */
  site?: string;
  technique?: string;
  result?: string;
}

export interface Logbook {
  traineeId: string;
  /** Ledger size the logbook reflects. */
  ledgerSize: number;
  entries: LogbookEntry[];
  summary: {
    cases: number;
    signedOff: number;
    byProcedure: Record<string, number>;
    byOperatorRole: Record<string, number>;
  };
}

const PAGE = 1000;

/** Every case the trainee logged and did not retract, oldest first, with counts for the summary. */
export async function traineeLogbook(ctx: ReadModelContext, traineeId: string): Promise<Logbook> {
  const records: CaseRecord[] = [];
  let ledgerSize = 0;
  // Exact at the ledger's current size (the trainee's events through the event index), as the
  // trainee's record is: an export right after a sign-off shows it.
  const asOf = await ctx.store.count();
  for (let offset = 0; ; offset += PAGE) {
    const page = await queryCases(ctx, { traineeId, asOf, limit: PAGE, offset });
    ledgerSize = page.ledgerSize;
    records.push(...page.cases);
    if (page.cases.length < PAGE) break;
  }
  const entries = records.map(entryOf);
  const count = (key: (e: LogbookEntry) => string): Record<string, number> =>
    entries.reduce<Record<string, number>>((acc, e) => {
      acc[key(e)] = (acc[key(e)] ?? 0) + 1;
      return acc;
    }, {});
  return {
    traineeId,
    ledgerSize,
    entries,
    summary: {
      cases: entries.length,
      signedOff: entries.filter((e) => e.signOff === 'signed-off').length,
      byProcedure: count((e) => e.procedure),
      byOperatorRole: count((e) => e.operatorRole),
    },
  };
}

function entryOf(c: CaseRecord): LogbookEntry {
  const d = c.details;
  const mt = d.procedure === 'mechanical-thrombectomy' ? d : undefined;
  return {
    caseId: c.caseId,
    performedOn: c.performedOn,
    institutionId: c.institutionId,
    procedure: c.procedure,
    operatorRole: c.operatorRole,
    supervisionLevel: c.supervisionLevel,
    ...(c.supervisorId !== undefined && { supervisorId: c.supervisorId }),
    signOff: c.signOff,
    ...(c.signedOn !== undefined && { signedOn: c.signedOn }),
    ...(c.entrustment !== undefined && { entrustment: c.entrustment }),
    ...(mt && {
      site: mt.occlusionSite,
      technique: mt.technique,
      result: `eTICI ${mt.finalEtici}`,
    }),
  };
}

export const LOGBOOK_CSV_HEADER =
  'performed_on,case_id,institution_id,procedure,operator_role,supervision_level,supervisor_id,sign_off,signed_on,entrustment,site,technique,result';

/** The logbook as CSV (RFC 4180, CRLF): one row per case, oldest first. */
export function logbookCsv(logbook: Logbook): string {
  const lines = logbook.entries.map((e) =>
    csvLine([
      e.performedOn,
      e.caseId,
      e.institutionId,
      e.procedure,
      e.operatorRole,
      e.supervisionLevel,
      e.supervisorId,
      e.signOff,
      e.signedOn,
      e.entrustment,
      e.site,
      e.technique,
      e.result,
    ]),
  );
  return [LOGBOOK_CSV_HEADER, ...lines].join('\r\n') + '\r\n';
}
