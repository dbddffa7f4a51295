import { ApiProperty } from '@nestjs/swagger';
import { ArrayMaxSize, IsArray, IsIn, Matches } from 'class-validator';
import { SPECIALTIES, type Specialty } from '@inr/domain';
import { DateField, IdField, ID_PATTERN, TextField } from '../../shared/validators';

export class EnrolTraineeDto {
  @IdField('The trainee, as named in their bearer tokens (sub)')
  traineeId!: string;

  @IdField('Institution (training hospital) the trainee is enrolled at', 'rvi-newcastle')
  institutionId!: string;

  @ApiProperty({ enum: SPECIALTIES })
  @IsIn(SPECIALTIES)
  specialty!: Specialty;

  @TextField('Training stage, e.g. ST5, post-CCT, consultant', 40)
  stage!: string;

  @DateField('Enrolment date')
  enrolledOn!: string;

  @ApiProperty({ type: [String], maxItems: 20, example: ['rcr-mt-credential'] })
  @IsArray()
  @ArrayMaxSize(20)
  @Matches(ID_PATTERN, {
    each: true,
    message: 'each pathway id must be 1-128 letters, digits or ._:@-',
  })
  pathwayIds!: string[];
}
