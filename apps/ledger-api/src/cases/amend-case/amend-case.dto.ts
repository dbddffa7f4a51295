import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { IsIn, IsObject, IsOptional, Matches, ValidateNested } from 'class-validator';
import {
  OPERATOR_ROLES,
  SUPERVISION_LEVELS,
  type OperatorRole,
  type SupervisionLevel,
} from '@inr/domain';
import {
  OptionalDateField,
  OptionalIdField,
  OptionalTextField,
  ProcedureRefField,
  ReasonField,
} from '../../shared/validators';
import { CaseDetailsField, type CaseDetailsDto } from '../case-details/case-details.dto';

/** The fields a trainee may correct; the procedure itself cannot change. */
export class CaseCorrectionDto {
  @OptionalDateField('Corrected date of the procedure')
  performedOn?: string;

  @ApiPropertyOptional({ enum: OPERATOR_ROLES })
  @IsOptional()
  @IsIn(OPERATOR_ROLES)
  operatorRole?: OperatorRole;

  @OptionalIdField('Corrected supervisor', 'sup-0007')
  supervisorId?: string;

  @ApiPropertyOptional({ enum: SUPERVISION_LEVELS })
  @IsOptional()
  @IsIn(SUPERVISION_LEVELS)
  supervisionLevel?: SupervisionLevel;

  @ApiPropertyOptional({ maxLength: 40 })
  @IsOptional()
  @Matches(/^[A-Za-z0-9][A-Za-z0-9._/-]{0,39}$/, {
    message: 'localRef must be 1-40 letters, digits or ._/-',
  })
  localRef?: string;

  @CaseDetailsField({ required: false })
  details?: CaseDetailsDto;

  @OptionalTextField('Corrected notes', 2000)
  notes?: string;

  @ProcedureRefField()
  procedureRef?: string;
}

export class AmendCaseDto {
  @ApiProperty({ type: CaseCorrectionDto })
  @IsObject()
  @ValidateNested()
  @Type(() => CaseCorrectionDto)
  changes!: CaseCorrectionDto;

  @ReasonField('Why the case is corrected')
  reason!: string;
}
