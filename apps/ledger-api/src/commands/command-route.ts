import { applyDecorators, HttpCode, Post, UseInterceptors } from '@nestjs/common';
import {
  ApiBearerAuth,
  ApiCreatedResponse,
  ApiExtraModels,
  ApiHeader,
  ApiOperation,
  ApiResponse,
  getSchemaPath,
} from '@nestjs/swagger';
import type { SchemaObject } from '@nestjs/swagger/dist/interfaces/open-api-spec.interface';
import type { CommandType } from '@inr/domain';
import { Requires } from '../auth/auth.decorators';
import { POLICY, type BatchAction } from '../auth/authorize';
import { ProblemDetailsDto } from '../platform/problem/problem-details.dto';
import { CommandResult } from './command-result';
import { CommandInterceptor } from './command.interceptor';

const PROBLEMS: ReadonlyArray<[number, string]> = [
  [400, 'VALIDATION_FAILED, MALFORMED_JSON or IDEMPOTENCY_KEY_REQUIRED'],
  [401, 'UNAUTHENTICATED or TOKEN_EXPIRED'],
  [403, 'FORBIDDEN: the role or the record does not allow it'],
  [404, 'NOT_FOUND'],
  [409, 'WRONG_EXPECTED_VERSION: the stream changed since it was read; retry'],
  [412, 'PRECONDITION_FAILED: If-Match names another revision'],
  [413, 'PAYLOAD_TOO_LARGE'],
  [415, 'UNSUPPORTED_MEDIA_TYPE'],
  [422, "The domain's code, PATIENT_IDENTIFIER_REJECTED or IDEMPOTENCY_KEY_REUSED"],
];

/** A command endpoint: POST, 201, idempotent, policy-checked, documented the same way everywhere. */
export function CommandRoute(
  command: CommandType | BatchAction,
  path: string,
  summary: string,
  options: {
    /** Only to keep a published operation id when routes move between controllers. */
    operationId?: string;
    /** The 201 body when it is not one CommandResult (a bulk request's). */
    created?: SchemaObject;
  } = {},
): MethodDecorator {
  const { created, ...operation } = options;
  const roles = Object.keys(POLICY[command]).join(', ');
  return applyDecorators(
    Post(path),
    HttpCode(201),
    Requires(command),
    UseInterceptors(CommandInterceptor),
    ApiBearerAuth('bearer'),
    ApiExtraModels(ProblemDetailsDto),
    ApiOperation({
      summary,
      description: `Command ${command}. Roles: ${roles}.`,
      ...operation,
    }),
    ApiHeader({
      name: 'Idempotency-Key',
      required: true,
      description:
        'Unique per intended change; a retry with the same key and body returns the first response',
    }),
    ApiHeader({
      name: 'If-Match',
      required: false,
      description: 'ETag ("<revision>") of the stream the client read',
    }),
    created
      ? ApiCreatedResponse({ schema: created, description: 'Written' })
      : ApiCreatedResponse({
          type: CommandResult,
          description: 'Written; ETag holds the new revision',
        }),
    ...PROBLEMS.map(([status, description]) =>
      ApiResponse({
        status,
        description,
        content: {
          'application/problem+json': { schema: { $ref: getSchemaPath(ProblemDetailsDto) } },
        },
      }),
    ),
  );
}
