import { ApiProperty } from '@nestjs/swagger';
import { Matches } from 'class-validator';
import { IdField, OptionalIdField } from '../../shared/validators';

export class SubmitApplicationDto {
  @OptionalIdField('The applicant; defaults to the caller')
  traineeId?: string;

  @IdField('The pathway applied against', 'rcr-gmc-mt-credential')
  pathwayId!: string;

  @ApiProperty({ description: 'The published pathway version', example: '1.0.0' })
  @Matches(/^\d{1,6}(\.\d{1,6}){0,3}$/, {
    message: 'pathwayVersion must be dotted whole numbers, e.g. 1.0.0',
  })
  pathwayVersion!: string;
}
