import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import {
  ArrayMaxSize,
  ArrayMinSize,
  IsArray,
  IsIn,
  IsOptional,
  ValidateIf,
  ValidateNested,
} from 'class-validator';
import {
  ASSESSMENT_OUTCOMES,
  ENTRUSTMENT_RATINGS,
  SUPERVISION_LEVELS,
  type AssessmentOutcome,
  type EntrustmentRating,
  type SupervisionLevel,
} from '@inr/domain';
import { IdField, OptionalDateField, OptionalTextField } from '../../shared/validators';

export const QUEUE_ITEM_KINDS = ['case', 'assessment-request', 'competency-request'] as const;
export type QueueItemKind = (typeof QUEUE_ITEM_KINDS)[number];

/** At most this many items per request: a morning's queue, and a bounded request. */
export const MAX_BULK_ITEMS = 100;

export class QueueSignOffItemDto {
  @ApiProperty({ enum: QUEUE_ITEM_KINDS })
  @IsIn(QUEUE_ITEM_KINDS)
  kind!: QueueItemKind;

  @ValidateIf((o: QueueSignOffItemDto) => o.kind === 'case')
  @IdField('The case (kind case)', 'c0ffee00-0000-4000-8000-000000000000')
  caseId?: string;

  @ValidateIf((o: QueueSignOffItemDto) => o.kind !== 'case')
  @IdField('The trainee who made the request (request kinds)')
  traineeId?: string;

  @ValidateIf((o: QueueSignOffItemDto) => o.kind !== 'case')
  @IdField('The request (request kinds)', 'req-7f3a')
  requestId?: string;

  @OptionalTextField('Comment for the trainee', 2000)
  comment?: string;

  @ApiPropertyOptional({ enum: ENTRUSTMENT_RATINGS, description: 'Cases: entrustment rating' })
  @IsOptional()
  @IsIn(ENTRUSTMENT_RATINGS)
  entrustment?: EntrustmentRating;

  @ApiPropertyOptional({
    enum: SUPERVISION_LEVELS,
    description: 'Cases: the corrected supervision level (its own event)',
  })
  @IsOptional()
  @IsIn(SUPERVISION_LEVELS)
  supervisionLevel?: SupervisionLevel;

  @ApiPropertyOptional({ enum: ASSESSMENT_OUTCOMES, description: 'Assessment requests: required' })
  @ValidateIf((o: QueueSignOffItemDto) => o.kind === 'assessment-request')
  @IsIn(ASSESSMENT_OUTCOMES)
  outcome?: AssessmentOutcome;

  @OptionalDateField('Assessment requests: when it took place (default today)')
  performedOn?: string;
}

export class SignOffQueueItemsDto {
  @ApiProperty({ type: [QueueSignOffItemDto], minItems: 1, maxItems: MAX_BULK_ITEMS })
  @IsArray()
  @ArrayMinSize(1)
  @ArrayMaxSize(MAX_BULK_ITEMS)
  @ValidateNested({ each: true })
  @Type(() => QueueSignOffItemDto)
  items!: QueueSignOffItemDto[];
}
