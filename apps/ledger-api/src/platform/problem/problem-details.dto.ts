import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';

export class FieldErrorDto {
  @ApiProperty({ example: 'details.finalEtici' })
  field!: string;
  @ApiProperty({
    example: 'finalEtici must be one of the following values: 0, 1, 2a, 2b50, 2b67, 2c, 3',
  })
  message!: string;
  @ApiPropertyOptional({
    example: 'CASE_ALREADY_SIGNED_OFF',
    description: "This field's own refusal code (each refused item of a bulk request)",
  })
  code?: string;
}

/** RFC 9457 problem details, served as application/problem+json. */
export class ProblemDetailsDto {
  @ApiProperty({ example: 'urn:inr-ledger:problem:validation-failed' })
  type!: string;
  @ApiProperty({ example: 'Bad Request' })
  title!: string;
  @ApiProperty({ example: 400 })
  status!: number;
  @ApiProperty({ example: 'the request does not match the schema' })
  detail!: string;
  @ApiProperty({ example: 'VALIDATION_FAILED', description: 'Stable machine-readable code' })
  code!: string;
  @ApiProperty({ example: '/v1/cases' })
  instance!: string;
  @ApiPropertyOptional({ type: [FieldErrorDto] })
  errors?: FieldErrorDto[];
}
