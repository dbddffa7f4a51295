import { ValidationPipe, type ValidationError } from '@nestjs/common';
import type { ValidatorOptions } from 'class-validator';
import { cacheValidationMetadata } from './validation-metadata-cache';
import { certainlyValid, fastPathApplies } from './validation-fast-path';
import { badRequest, type FieldError } from '../problem/problem.exception';

/** Flattens class-validator's tree into "a.b.0.c: message" pairs; values are never echoed. */
export function flattenValidationErrors(errors: ValidationError[], parent = ''): FieldError[] {
  return errors.flatMap((error) => {
    const field = parent ? `${parent}.${error.property}` : error.property;
    const own = Object.values(error.constraints ?? {}).map((message) => ({ field, message }));
    return [...own, ...flattenValidationErrors(error.children ?? [], field)];
  });
}

/**
 * Nest's pipe, but a body the gathered checks find certainly valid skips class-validator's
 * error-building pass (validation-fast-path.ts); every other body is validated as before.
 */
class LedgerValidationPipe extends ValidationPipe {
  protected override validate(
    object: object,
    options?: ValidatorOptions,
  ): Promise<ValidationError[]> | ValidationError[] {
    if (fastPathApplies(options) && certainlyValid(object)) return [];
    return super.validate(object, options);
  }
}

/** Strict input: unknown fields are refused, types are not coerced, errors become one problem. */
export function createValidationPipe(): ValidationPipe {
  cacheValidationMetadata();
  return new LedgerValidationPipe({
    whitelist: true,
    forbidNonWhitelisted: true,
    forbidUnknownValues: true,
    transform: true,
    transformOptions: { enableImplicitConversion: false },
    validationError: { target: false, value: false },
    exceptionFactory: (errors) => {
      const fieldErrors = flattenValidationErrors(errors).slice(0, 50);
      return badRequest('VALIDATION_FAILED', 'the request does not match the schema', fieldErrors);
    },
  });
}
