import { ApiProperty } from '@nestjs/swagger';
import { IsIn } from 'class-validator';
import { REVIEW_RESOLUTIONS, type ReviewResolution } from '@inr/domain';
import { ReasonField } from '../../shared/validators';

export class ResolveReviewDto {
  @ApiProperty({
    enum: REVIEW_RESOLUTIONS,
    description:
      'credential-stands: the panel keeps it; action-taken: the panel acted (suspension, revocation, a new application) separately',
  })
  @IsIn(REVIEW_RESOLUTIONS)
  resolution!: ReviewResolution;

  @ReasonField('The panel’s reasons')
  reason!: string;
}
