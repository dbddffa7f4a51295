import { IdField, OptionalIdField } from '../../shared/validators';

export class SignOffCompetencyDto {
  @IdField('Institution where the signer signs (they must be accredited there)', 'rvi-newcastle')
  institutionId!: string;

  @OptionalIdField("The trainee's request this answers (an item of the signer's queue)", 'req-7f3a')
  requestId?: string;
}
