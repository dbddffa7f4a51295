import { ApiProperty } from '@nestjs/swagger';
import { IsIn } from 'class-validator';
import { ROLES, type Role } from '@inr/domain';
import { IdField } from '../shared/validators';

export class DevelopmentTokenDto {
  @ApiProperty({ description: 'The role the token carries', enum: ROLES, example: 'trainee' })
  @IsIn(ROLES as readonly string[], { message: `role must be one of ${ROLES.join(', ')}` })
  role!: Role;

  @IdField('The person signing in (the token subject)', 'trn-000vil')
  sub!: string;

  @IdField('The institution the token is issued for', 'inst-northmoor')
  institution!: string;
}
