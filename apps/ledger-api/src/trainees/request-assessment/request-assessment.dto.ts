import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsIn, IsOptional } from 'class-validator';
import { ASSESSMENT_TYPES, PROCEDURES, type AssessmentType, type Procedure } from '@inr/domain';
import { IdField, OptionalIdField, OptionalTextField } from '../../shared/validators';

export class RequestAssessmentDto {
  @IdField('The assessor asked: the request lands in their queue', 'sup-0007')
  assessorId!: string;

  @ApiProperty({ enum: ASSESSMENT_TYPES })
  @IsIn(ASSESSMENT_TYPES)
  assessmentType!: AssessmentType;

  @ApiPropertyOptional({ enum: PROCEDURES })
  @IsOptional()
  @IsIn(PROCEDURES)
  procedure?: Procedure;

  @OptionalIdField('The case to be assessed, if any', 'c0ffee00-0000-4000-8000-000000000000')
  caseId?: string;

  @OptionalTextField('A note to the assessor (no patient identifiers)', 1000)
  note?: string;
}
