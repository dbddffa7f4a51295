import { Injectable, type PipeTransform } from '@nestjs/common';
import { badRequest } from '../platform/problem/problem.exception';
import { ID_PATTERN } from './validators';

/** Path ids obey the same alphabet as body ids (they become stream names). */
@Injectable()
export class IdParam implements PipeTransform<string, string> {
  transform(value: string): string {
    if (typeof value !== 'string' || !ID_PATTERN.test(value)) {
      throw badRequest(
        'VALIDATION_FAILED',
        'the id in the path must be 1-128 letters, digits or ._:@-',
      );
    }
    return value;
  }
}
