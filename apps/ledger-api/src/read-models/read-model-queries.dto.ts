import { applyDecorators } from '@nestjs/common';
import { ApiPropertyOptional } from '@nestjs/swagger';
import { IsIn, IsOptional, Matches } from 'class-validator';
import { OPERATOR_ROLES, PROCEDURES } from '@inr/domain';
import { SIGN_OFF_STATUSES } from '@inr/domain';
import { OptionalIdField } from '../shared/validators';

const AS_OF = /^(\d{1,15}|\d{4}-\d{2}-\d{2}(T[0-9:.]+(Z|[+-]\d{2}:\d{2})?)?)$/;
const DATE = /^\d{4}-\d{2}-\d{2}$/;
const COUNT = /^\d{1,6}$/;

function AsOfField(): PropertyDecorator {
  return applyDecorators(
    ApiPropertyOptional({
      description:
        'Answer as the ledger stood then: a ledger position (events below it) or an ISO 8601 recorded time',
      example: '2026-03-03T00:00:00Z',
    }),
    IsOptional(),
    Matches(AS_OF, { message: '$property must be a ledger position or an ISO 8601 time' }),
  );
}

function DateField(description: string): PropertyDecorator {
  return applyDecorators(
    ApiPropertyOptional({ description, example: '2026-03-03', pattern: DATE.source }),
    IsOptional(),
    Matches(DATE, { message: '$property must be a date (YYYY-MM-DD)' }),
  );
}

export class TraineeStatusQueryDto {
  @AsOfField() asOf?: string;
  @DateField('Count only procedures performed by this date') performedBy?: string;
}

export class CaseRegistryQueryDto {
  @OptionalIdField('Trainee') traineeId?: string;
  @OptionalIdField('Institution (site)', 'trust-a') institutionId?: string;
  @OptionalIdField('Supervisor named on the case', 'sup-1') supervisorId?: string;
  @ApiPropertyOptional({ enum: PROCEDURES }) @IsOptional() @IsIn(PROCEDURES) procedure?: string;
  @ApiPropertyOptional({ enum: OPERATOR_ROLES })
  @IsOptional()
  @IsIn(OPERATOR_ROLES)
  operatorRole?: string;
  @ApiPropertyOptional({ enum: ['1', '2', '3', '4', '5'] })
  @IsOptional()
  @IsIn(['1', '2', '3', '4', '5'])
  supervisionLevel?: string;
  @ApiPropertyOptional({ enum: SIGN_OFF_STATUSES })
  @IsOptional()
  @IsIn(SIGN_OFF_STATUSES)
  signOff?: string;
  @DateField('Performed on or after') performedFrom?: string;
  @DateField('Performed on or before') performedTo?: string;
  @ApiPropertyOptional({ enum: ['true', 'false'] })
  @IsOptional()
  @IsIn(['true', 'false'])
  includeRetracted?: string;
  @AsOfField() asOf?: string;
  @ApiPropertyOptional({ example: '100' }) @IsOptional() @Matches(COUNT) limit?: string;
  @ApiPropertyOptional({ example: '0' }) @IsOptional() @Matches(COUNT) offset?: string;
}

export class AuditPeriodDto {
  @DateField('Performed period start (inclusive)') from?: string;
  @DateField('Performed period end (inclusive)') to?: string;
}

export class AuditQueryDto {
  @DateField('Performed period start (inclusive)') from?: string;
  @DateField('Performed period end (inclusive)') to?: string;
  @AsOfField() asOf?: string;
  @ApiPropertyOptional({ enum: ['json', 'csv'] })
  @IsOptional()
  @IsIn(['json', 'csv'])
  format?: string;
}

export class ReplayQueryDto {
  @ApiPropertyOptional({ enum: ['recorded', 'latest'] })
  @IsOptional()
  @IsIn(['recorded', 'latest'])
  under?: string;
}

export class ApplicationsQueryDto {
  @OptionalIdField('Pathway applied for', 'rcr-gmc-mt-credential') pathwayId?: string;
  @OptionalIdField("The trainee's current institution", 'trust-a') institutionId?: string;
  @ApiPropertyOptional({ example: '14', description: 'Submitted at least this many days ago' })
  @IsOptional()
  @Matches(COUNT)
  minAgeDays?: string;
  @ApiPropertyOptional({ example: '90', description: 'Submitted at most this many days ago' })
  @IsOptional()
  @Matches(COUNT)
  maxAgeDays?: string;
  @ApiPropertyOptional({ example: '50' }) @IsOptional() @Matches(COUNT) limit?: string;
  @ApiPropertyOptional({ example: '0' }) @IsOptional() @Matches(COUNT) offset?: string;
}
