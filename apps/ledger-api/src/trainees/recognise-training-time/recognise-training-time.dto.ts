import { ApiProperty } from '@nestjs/swagger';
import { IsIn, IsNumber, Max, Min } from 'class-validator';
import { DateField, OptionalIdField, TextField } from '../../shared/validators';

export const TRAINING_SETTINGS = [
  'neurointerventional-unit',
  'diagnostic-neuroradiology',
  'clinical-neurosciences',
] as const;

export class RecogniseTrainingTimeDto {
  @ApiProperty({ enum: TRAINING_SETTINGS })
  @IsIn(TRAINING_SETTINGS)
  setting!: (typeof TRAINING_SETTINGS)[number];

  @ApiProperty({ minimum: 0.5, maximum: 120, description: 'Months recognised' })
  @IsNumber({ allowNaN: false, allowInfinity: false, maxDecimalPlaces: 1 })
  @Min(0.5)
  @Max(120)
  months!: number;

  @DateField('Start of the period')
  from!: string;

  @DateField('End of the period')
  to!: string;

  @TextField('Where the time was spent (institution)', 120)
  sourceInstitution!: string;

  @TextField('College or training programme the time was spent under', 120)
  programme!: string;

  @TextField('Reference to the evidence seen, e.g. an ARCP outcome letter', 120)
  evidenceRef!: string;

  @OptionalIdField(
    "A standing recognition of another ledger's evidence for this trainee (POST …/recognitions): the time then rests on that verified bundle, and stops counting if it is withdrawn",
    'rec-3f2a9c0d1e4b5a6978c0d1e2',
  )
  recognitionId?: string;
}
