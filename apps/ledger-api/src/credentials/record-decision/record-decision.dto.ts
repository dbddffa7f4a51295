import { ApiProperty } from '@nestjs/swagger';
import { IsIn } from 'class-validator';
import { CREDENTIAL_OUTCOMES, type CredentialOutcome } from '@inr/domain';
import { OptionalTextField, ReasonField } from '../../shared/validators';

export class RecordDecisionDto {
  @ApiProperty({ enum: CREDENTIAL_OUTCOMES })
  @IsIn(CREDENTIAL_OUTCOMES)
  outcome!: CredentialOutcome;

  @ReasonField('The panel’s reasons')
  reasons!: string;

  @OptionalTextField(
    'Required, and only allowed, when granting against an evaluation that is not met',
    2000,
  )
  overrideReason?: string;
}
