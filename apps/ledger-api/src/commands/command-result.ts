import { ApiProperty } from '@nestjs/swagger';

/** What every command answers with 201; `revision` is also the ETag for the next If-Match. */
export class CommandResult {
  @ApiProperty({ type: [String], description: 'Ids of the events written, in order' })
  eventIds!: string[];

  @ApiProperty({ example: 'case-0f8e…', description: 'The stream the events were appended to' })
  streamId!: string;

  @ApiProperty({ description: "The stream's revision after the append (its new ETag)" })
  revision!: number;

  @ApiProperty({ description: 'Global position ($all) of the last event written' })
  position!: number;

  @ApiProperty({
    required: false,
    description: 'Id of the record the command created, when it created one',
  })
  id?: string;

  @ApiProperty({
    required: false,
    description: 'For a logged case: the procedure reference its co-operators quote',
  })
  procedureRef?: string;

  @ApiProperty({
    required: false,
    type: [String],
    description:
      'For a revocation for cause: ids of the review flags recorded on the granted decisions that counted the supervisor’s sign-offs',
  })
  flaggedForReview?: string[];
}
