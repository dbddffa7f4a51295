import { IdField } from '../../shared/validators';

export class SignOffCompetencyDto {
  @IdField('Institution where the signer signs (they must be accredited there)', 'rvi-newcastle')
  institutionId!: string;
}
