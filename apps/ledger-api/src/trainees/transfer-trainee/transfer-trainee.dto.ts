import { DateField, IdField } from '../../shared/validators';

export class TransferTraineeDto {
  @IdField('Institution the trainee moves to', 'salford-royal')
  toInstitutionId!: string;

  @DateField('Date of the transfer')
  transferredOn!: string;
}
