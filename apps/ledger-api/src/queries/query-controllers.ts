import type { Provider, Type } from '@nestjs/common';
import { GetCaseController } from './get-case/get-case.controller';
import { GetTraineeController } from './get-trainee/get-trainee.controller';
import { LedgerScan } from './ledger-scan/ledger-scan';
import { ListPathwaysController } from './list-pathways/list-pathways.controller';
import { PathwaySchemaController } from './pathway-schema/pathway-schema.controller';
import { SubjectAccessController } from '../privacy/subject-access.controller';
import { LogbookController } from '../trainees/logbook/logbook.controller';

export const QUERY_CONTROLLERS: Type<unknown>[] = [
  GetTraineeController,
  GetCaseController,
  ListPathwaysController,
  PathwaySchemaController,
  SubjectAccessController,
  LogbookController,
];
export const QUERY_PROVIDERS: Provider[] = [LedgerScan];
