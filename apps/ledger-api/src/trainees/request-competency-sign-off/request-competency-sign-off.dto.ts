import { IdField, OptionalTextField } from '../../shared/validators';

export class RequestCompetencySignOffDto {
  @IdField('The competency, as the trainee’s pathway catalogues it', 'mt-technical-skills')
  competencyId!: string;

  @IdField('The signer asked: the request lands in their queue', 'sup-0007')
  signerId!: string;

  @IdField('Institution where the signer is to sign', 'rvi-newcastle')
  institutionId!: string;

  @OptionalTextField('A note to the signer (no patient identifiers)', 1000)
  note?: string;
}
