import { DateField, IdField } from '../../shared/validators';

export class DeclareRotationDto {
  @IdField('The host institution, where the trainee is placed', 'salford-royal')
  institutionId!: string;

  @DateField('First day of the placement')
  from!: string;

  @DateField('Last day of the placement (at most a year after the first)')
  to!: string;
}
