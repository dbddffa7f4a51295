import { ApiPropertyOptional } from '@nestjs/swagger';
import { IsBoolean, IsIn, IsInt, IsOptional, Max, Min } from 'class-validator';
import {
  ANAESTHESIA_TYPES,
  SICH_DEFINITIONS,
  type AnaesthesiaType,
  type SichDefinition,
} from '@inr/domain';

const score = (description: string, max: number): PropertyDecorator[] => [
  ApiPropertyOptional({ description, minimum: 0, maximum: max }),
  IsOptional(),
  IsInt(),
  Min(0),
  Max(max),
];
const flag = (description: string): PropertyDecorator[] => [
  ApiPropertyOptional({ description }),
  IsOptional(),
  IsBoolean(),
];
const apply =
  (decorators: PropertyDecorator[]): PropertyDecorator =>
  (target, key) =>
    decorators.forEach((d) => d(target, key));

/** What the stroke team learnt after the procedure; send only what is known (docs/audit.md). */
export class RecordCaseOutcomeDto {
  @apply(score('NIHSS at arrival (0-42)', 42)) nihssOnArrival?: number;
  @apply(score('NIHSS at 24 hours (0-42)', 42)) nihssAt24h?: number;
  @apply(flag('Intravenous thrombolysis given')) ivThrombolysis?: boolean;

  @ApiPropertyOptional({ enum: ANAESTHESIA_TYPES })
  @IsOptional()
  @IsIn(ANAESTHESIA_TYPES)
  anaesthesia?: AnaesthesiaType;

  @apply(flag('Transferred in from another hospital (drip-and-ship)')) transferredIn?: boolean;
  @apply(score('Door-in-door-out at the referring hospital, minutes', 1440))
  doorInDoorOutMinutes?: number;
  @apply(flag('Symptomatic ICH on the 24 h scan (give sichDefinition)')) sichOn24hScan?: boolean;

  @ApiPropertyOptional({ enum: SICH_DEFINITIONS, description: 'Definition the sICH result uses' })
  @IsOptional()
  @IsIn(SICH_DEFINITIONS)
  sichDefinition?: SichDefinition;

  @apply(score('Modified Rankin Scale at 90 days (0-6; 6 is death)', 6)) mrsAt90Days?: number;
  @apply(flag('Died within 90 days')) diedWithin90Days?: boolean;
}
