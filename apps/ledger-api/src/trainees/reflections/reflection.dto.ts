import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import {
  ArrayMaxSize,
  IsArray,
  IsBoolean,
  IsObject,
  IsOptional,
  IsString,
  Matches,
  ValidateNested,
} from 'class-validator';
import { ID_PATTERN, OptionalIdField, TextField } from '../../shared/validators';

export class ReflectionAudienceDto {
  @ApiProperty({
    description: 'Supervisors (by id) who may read it',
    type: [String],
    maxItems: 20,
    example: ['sup-0007'],
  })
  @IsArray()
  @ArrayMaxSize(20)
  @IsString({ each: true })
  @Matches(ID_PATTERN, { each: true, message: 'each of $property must be an id' })
  supervisorIds!: string[];

  @ApiProperty({ description: 'Whether the credentialing panel may read it' })
  @IsBoolean()
  panel!: boolean;
}

export class WriteReflectionDto {
  @TextField('A short title', 200)
  title!: string;

  @TextField('The reflection (personal: private unless shared; no patient identifiers)', 10_000)
  text!: string;

  @OptionalIdField('The case reflected on, if any', 'c0ffee00-0000-4000-8000-000000000000')
  caseId?: string;

  @ApiPropertyOptional({
    type: ReflectionAudienceDto,
    description: 'Who besides the trainee may read it; absent: no one',
  })
  @IsOptional()
  @IsObject()
  @ValidateNested()
  @Type(() => ReflectionAudienceDto)
  sharedWith?: ReflectionAudienceDto;
}

export class ShareReflectionDto {
  @ApiProperty({
    type: ReflectionAudienceDto,
    description: 'Who besides the trainee may read it from now on',
  })
  @IsObject()
  @ValidateNested()
  @Type(() => ReflectionAudienceDto)
  sharedWith!: ReflectionAudienceDto;
}
