import { ApiProperty } from '@nestjs/swagger';
import { IsObject } from 'class-validator';
import { TextField } from '../../shared/validators';

export class PublishPathwayDto {
  @ApiProperty({
    type: 'object',
    additionalProperties: true,
    description:
      'The pathway document (docs/pathway-format.md; JSON Schema in docs/schemas/pathway.schema.json)',
  })
  @IsObject()
  document!: Record<string, unknown>;

  @TextField('What this version changes, for the versions listing', 500)
  changeNote!: string;
}
