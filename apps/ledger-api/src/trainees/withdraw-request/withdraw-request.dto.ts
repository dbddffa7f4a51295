import { OptionalTextField } from '../../shared/validators';

export class WithdrawRequestDto {
  @OptionalTextField('Why the request is withdrawn (no patient identifiers)', 1000)
  reason?: string;
}
