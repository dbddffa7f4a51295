import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsIn, IsOptional } from 'class-validator';
import {
  ASSESSMENT_OUTCOMES,
  ASSESSMENT_TYPES,
  PROCEDURES,
  type AssessmentOutcome,
  type AssessmentType,
  type Procedure,
} from '@inr/domain';
import { DateField, OptionalIdField, OptionalTextField } from '../../shared/validators';

export class RecordAssessmentDto {
  @ApiProperty({ enum: ASSESSMENT_TYPES })
  @IsIn(ASSESSMENT_TYPES)
  assessmentType!: AssessmentType;

  @ApiPropertyOptional({ enum: PROCEDURES })
  @IsOptional()
  @IsIn(PROCEDURES)
  procedure?: Procedure;

  @ApiProperty({ enum: ASSESSMENT_OUTCOMES })
  @IsIn(ASSESSMENT_OUTCOMES)
  outcome!: AssessmentOutcome;

  @OptionalIdField('The assessor; defaults to the caller', 'sup-0007')
  assessorId?: string;

  @DateField('When the assessment took place')
  performedOn!: string;

  @OptionalTextField('Assessor comment', 2000)
  comment?: string;

  @OptionalIdField(
    "The trainee's request this completes (an item of the assessor's queue)",
    'req-7f3a',
  )
  requestId?: string;
}
