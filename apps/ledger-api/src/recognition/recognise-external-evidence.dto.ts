import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import {
  ArrayMaxSize,
  ArrayMinSize,
  IsArray,
  IsIn,
  IsInt,
  IsObject,
  Min,
  ValidateIf,
  ValidateNested,
} from 'class-validator';
import { IsDateOnly, ReasonField } from '../shared/validators';

export const SCOPE_KINDS = ['all', 'events', 'period'] as const;

export class RecognitionScopeDto {
  @ApiProperty({
    enum: SCOPE_KINDS,
    description: 'all: the whole record; events: the listed leaves; period: cases performed in it',
  })
  @IsIn(SCOPE_KINDS)
  kind!: (typeof SCOPE_KINDS)[number];

  @ApiPropertyOptional({
    type: [Number],
    description: "With kind events: the foreign record's leaf indexes",
  })
  @ValidateIf((s: RecognitionScopeDto) => s.kind === 'events')
  @IsArray()
  @ArrayMinSize(1)
  @ArrayMaxSize(100_000)
  @IsInt({ each: true })
  @Min(0, { each: true })
  leafIndexes?: number[];

  @ApiPropertyOptional({ description: 'With kind period: first day (YYYY-MM-DD)' })
  @ValidateIf((s: RecognitionScopeDto) => s.kind === 'period')
  @IsDateOnly({ notFuture: false })
  from?: string;

  @ApiPropertyOptional({ description: 'With kind period: last day (YYYY-MM-DD)' })
  @ValidateIf((s: RecognitionScopeDto) => s.kind === 'period')
  @IsDateOnly({ notFuture: false })
  to?: string;
}

export class RecogniseExternalEvidenceDto {
  @ApiProperty({
    type: 'object',
    additionalProperties: true,
    description:
      "The other ledger's trainee bundle (inr-ledger-trainee-bundle/v1, docs/ledger-format.md §15), as exported there",
  })
  @IsObject()
  bundle!: Record<string, unknown>;

  @ApiProperty({ type: RecognitionScopeDto })
  @ValidateNested()
  @Type(() => RecognitionScopeDto)
  scope!: RecognitionScopeDto;

  @ReasonField('Why this evidence is recognised here')
  reason!: string;
}

export class WithdrawRecognitionDto {
  @ReasonField('Why the recognition is withdrawn')
  reason!: string;
}
