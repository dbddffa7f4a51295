import { OptionalTextField } from '../../shared/validators';

export class SignOffCaseDto {
  @OptionalTextField('Comment for the trainee', 2000)
  comment?: string;
}
