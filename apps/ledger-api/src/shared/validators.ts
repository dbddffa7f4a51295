import { applyDecorators } from '@nestjs/common';
import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import {
  IsOptional,
  IsString,
  Length,
  Matches,
  ValidateBy,
  type ValidationOptions,
} from 'class-validator';

/** Ids become stream names and token subjects: a conservative alphabet, bounded length. */
export const ID_PATTERN = /^[A-Za-z0-9._:@-]{1,128}$/;

const ISO_DATE = /^(\d{4})-(\d{2})-(\d{2})$/;

export function isCalendarDate(value: unknown): value is string {
  if (typeof value !== 'string') return false;
  const m = ISO_DATE.exec(value);
  if (!m) return false;
  const [y, mo, d] = [Number(m[1]), Number(m[2]), Number(m[3])];
  const date = new Date(Date.UTC(y, mo - 1, d));
  return (
    date.getUTCFullYear() === y &&
    date.getUTCMonth() === mo - 1 &&
    date.getUTCDate() === d &&
    y >= 1900
  );
}

export function todayUtc(): string {
  return new Date().toISOString().slice(0, 10);
}

/** A calendar date YYYY-MM-DD; with `notFuture`, not after today (the domain checks again). */
export function IsDateOnly(
  options: { notFuture?: boolean } = {},
  validation?: ValidationOptions,
): PropertyDecorator {
  return ValidateBy(
    {
      name: 'isDateOnly',
      validator: {
        validate: (value: unknown) =>
          isCalendarDate(value) && (!options.notFuture || value <= todayUtc()),
        defaultMessage: (args) =>
          `${args?.property ?? 'value'} must be a calendar date YYYY-MM-DD${options.notFuture ? ', not in the future' : ''}`,
      },
    },
    validation,
  );
}

/** A required id field, documented. */
export function IdField(description: string, example = 'trn-0042'): PropertyDecorator {
  return applyDecorators(
    ApiProperty({ description, example, pattern: ID_PATTERN.source, maxLength: 128 }),
    IsString(),
    Matches(ID_PATTERN, { message: '$property must be 1-128 letters, digits or ._:@-' }),
  );
}

export function OptionalIdField(description: string, example = 'trn-0042'): PropertyDecorator {
  return applyDecorators(
    ApiPropertyOptional({ description, example, pattern: ID_PATTERN.source, maxLength: 128 }),
    IsOptional(),
    IsString(),
    Matches(ID_PATTERN, { message: '$property must be 1-128 letters, digits or ._:@-' }),
  );
}

/** Free text with a length bound (never a patient identifier: the API scans every string). */
export function TextField(description: string, max: number, min = 1): PropertyDecorator {
  return applyDecorators(
    ApiProperty({ description, minLength: min, maxLength: max }),
    IsString(),
    Length(min, max),
  );
}

export function OptionalTextField(description: string, max: number): PropertyDecorator {
  return applyDecorators(
    ApiPropertyOptional({ description, maxLength: max }),
    IsOptional(),
    IsString(),
    Length(0, max),
  );
}

export function DateField(description: string, notFuture = true): PropertyDecorator {
  return applyDecorators(
    ApiProperty({ description, format: 'date', example: '2026-03-02' }),
    IsDateOnly({ notFuture }),
  );
}

export function OptionalDateField(description: string, notFuture = true): PropertyDecorator {
  return applyDecorators(
    ApiPropertyOptional({ description, format: 'date', example: '2027-03-01' }),
    IsOptional(),
    IsDateOnly({ notFuture }),
  );
}

/** A reason or comment: required, 1-2000 characters. */
export const ReasonField = (description = 'Why, in words the record can keep'): PropertyDecorator =>
  TextField(description, 2000);

/** Bodies of commands whose only input is a reason. */
export class ReasonDto {
  @ReasonField()
  reason!: string;
}

const PROCEDURE_REF = /^prc-[A-Za-z0-9-]{1,76}$/;

/** The procedure reference a co-operator quotes (pseudonymous, never a patient identifier). */
export function ProcedureRefField(): PropertyDecorator {
  const decorators: PropertyDecorator[] = [
    ApiPropertyOptional({
      description:
        "The procedure's reference, as the first logger got it back; omit it to start a new procedure",
      example: 'prc-5f0c2d0e-…',
      maxLength: 80,
    }),
    IsOptional(),
    Matches(PROCEDURE_REF, { message: 'procedureRef must be prc- then 1-76 letters, digits or -' }),
  ];
  return (target, key) => decorators.forEach((d) => d(target, key));
}
