import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Equals, IsIn, IsOptional, Matches } from 'class-validator';
import {
  OPERATOR_ROLES,
  PROCEDURES,
  SUPERVISION_LEVELS,
  type OperatorRole,
  type Procedure,
  type SupervisionLevel,
} from '@inr/domain';
import {
  DateField,
  IdField,
  OptionalIdField,
  OptionalTextField,
  ProcedureRefField,
} from '../../shared/validators';
import { CaseDetailsField, type CaseDetailsDto } from '../case-details/case-details.dto';

export class LogCaseDto {
  @OptionalIdField('The trainee; defaults to the caller (trainees log their own cases)')
  traineeId?: string;

  @IdField('Institution (site) where the procedure happened', 'rvi-newcastle')
  institutionId!: string;

  @ApiProperty({ enum: PROCEDURES })
  @IsIn(PROCEDURES)
  procedure!: Procedure;

  @DateField('Date the procedure was performed (not in the future)')
  performedOn!: string;

  @ApiProperty({ enum: OPERATOR_ROLES })
  @IsIn(OPERATOR_ROLES)
  operatorRole!: OperatorRole;

  @OptionalIdField(
    'The supervising consultant, who will be asked to sign the case off; omitted only on a self-attested case',
    'sup-0007',
  )
  supervisorId?: string;

  @ApiPropertyOptional({
    type: 'boolean',
    enum: [true],
    description:
      'An independent operator (a credential active and issued by the day of the case) logs without a supervisor; nobody signs it, and it counts only where a pathway accepts self-attested cases (docs/domain.md, "Independent operators")',
  })
  @IsOptional()
  @Equals(true, { message: 'selfAttested must be true or absent' })
  selfAttested?: true;

  @ApiProperty({
    enum: SUPERVISION_LEVELS,
    description: '1 observe, 2 direct, 3 indirect, 4 unsupervised, 5 may supervise',
  })
  @IsIn(SUPERVISION_LEVELS)
  supervisionLevel!: SupervisionLevel;

  @ApiProperty({
    description: 'Pseudonymous local reference; never a patient identifier',
    example: 'MT-2026-031',
    maxLength: 40,
  })
  @Matches(/^[A-Za-z0-9][A-Za-z0-9._/-]{0,39}$/, {
    message: 'localRef must be 1-40 letters, digits or ._/-',
  })
  localRef!: string;

  @CaseDetailsField({ required: true })
  details!: CaseDetailsDto;

  @OptionalTextField('Free-text notes (no patient identifiers)', 2000)
  notes?: string;

  @ProcedureRefField()
  procedureRef?: string;
}
