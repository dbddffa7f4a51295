import { ApiProperty } from '@nestjs/swagger';
import { IsObject } from 'class-validator';

export class PublishPathwayDto {
  @ApiProperty({
    type: 'object',
    additionalProperties: true,
    description:
      'The pathway document (libs/policy format: id, version, title, issuingBody, source, status, parameters, requirements)',
  })
  @IsObject()
  document!: Record<string, unknown>;
}
