import { ApiPropertyOptional } from '@nestjs/swagger';
import { IsBoolean, IsOptional } from 'class-validator';
import { ReasonDto } from '../../shared/validators';

export class RevokeSupervisorDto extends ReasonDto {
  @ApiPropertyOptional({
    description:
      "For cause (conduct, competence): every granted decision that counted this supervisor's sign-offs is flagged for the panel's review",
  })
  @IsOptional()
  @IsBoolean()
  forCause?: boolean;
}
