import { ApiPropertyOptional } from '@nestjs/swagger';
import { IsIn, IsOptional } from 'class-validator';
import {
  ENTRUSTMENT_RATINGS,
  SUPERVISION_LEVELS,
  type EntrustmentRating,
  type SupervisionLevel,
} from '@inr/domain';
import { OptionalTextField } from '../../shared/validators';

export class SignOffCaseDto {
  @OptionalTextField('Comment for the trainee', 2000)
  comment?: string;

  @ApiPropertyOptional({
    enum: ENTRUSTMENT_RATINGS,
    description:
      'Entrustment rating for next time: 1 observe, 2 direct supervision, 3 indirect, 4 unsupervised, 5 may supervise others',
  })
  @IsOptional()
  @IsIn(ENTRUSTMENT_RATINGS)
  entrustment?: EntrustmentRating;

  @ApiPropertyOptional({
    enum: SUPERVISION_LEVELS,
    description:
      'The supervision level as the supervisor saw it, when the trainee recorded another: recorded as its own correction event before the sign-off',
  })
  @IsOptional()
  @IsIn(SUPERVISION_LEVELS)
  supervisionLevel?: SupervisionLevel;
}
