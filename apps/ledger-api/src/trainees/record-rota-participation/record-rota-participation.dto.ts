import { ApiProperty } from '@nestjs/swagger';
import { IsInt, Max, Min } from 'class-validator';
import { DateField, IdField } from '../../shared/validators';

export class RecordRotaParticipationDto {
  @IdField('Institution whose rota the trainee joined', 'rvi-newcastle')
  institutionId!: string;

  @DateField('First day of the period')
  from!: string;

  @DateField('Last day of the period')
  to!: string;

  @ApiProperty({
    minimum: 0,
    maximum: 1000,
    description: 'Shifts worked on the 24/7 MT rota in the period',
  })
  @IsInt()
  @Min(0)
  @Max(1000)
  shifts!: number;
}
