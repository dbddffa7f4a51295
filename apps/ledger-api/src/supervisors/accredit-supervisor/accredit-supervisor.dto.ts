import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import {
  ArrayMaxSize,
  ArrayMinSize,
  IsArray,
  IsBoolean,
  IsIn,
  IsOptional,
  Matches,
} from 'class-validator';
import { PROCEDURES, SUPERVISOR_KINDS, type Procedure, type SupervisorKind } from '@inr/domain';
import { DateField, ID_PATTERN, OptionalDateField } from '../../shared/validators';

export class AccreditSupervisorDto {
  @ApiProperty({ description: 'GMC reference number (7 digits)', example: '7012345' })
  @Matches(/^\d{7}$/, { message: 'gmcNumber must be 7 digits' })
  gmcNumber!: string;

  @ApiProperty({ enum: SUPERVISOR_KINDS })
  @IsIn(SUPERVISOR_KINDS)
  kind!: SupervisorKind;

  @ApiProperty({ type: [String], minItems: 1, maxItems: 20, example: ['rvi-newcastle'] })
  @IsArray()
  @ArrayMinSize(1)
  @ArrayMaxSize(20)
  @Matches(ID_PATTERN, {
    each: true,
    message: 'each institution id must be 1-128 letters, digits or ._:@-',
  })
  institutionIds!: string[];

  @ApiProperty({ enum: PROCEDURES, isArray: true, minItems: 1 })
  @IsArray()
  @ArrayMinSize(1)
  @ArrayMaxSize(PROCEDURES.length)
  @IsIn(PROCEDURES, { each: true })
  procedures!: Procedure[];

  @DateField('First day the accreditation holds', false)
  validFrom!: string;

  @OptionalDateField('Last day the accreditation holds', false)
  validUntil?: string;

  @ApiPropertyOptional({ description: 'A medical director of the principal training hospital' })
  @IsOptional()
  @IsBoolean()
  principalTrainingHospital?: boolean;
}
