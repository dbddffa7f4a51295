import { ApiProperty } from '@nestjs/swagger';
import { IsObject } from 'class-validator';
import { TextField } from '../../shared/validators';

export class PublishPathwayDto {
  @ApiProperty({
    type: 'object',
    additionalProperties: true,
    description:
      'The pathway document (libs/policy format: id, version, title, issuingBody, source, status, parameters, requirements)',
  })
  @IsObject()
  document!: Record<string, unknown>;

  @TextField('What this version changes, for the versions listing', 500)
  changeNote!: string;
}
