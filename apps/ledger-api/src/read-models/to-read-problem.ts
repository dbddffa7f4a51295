import { EvaluationInputError } from '@inr/policy';
import { InvalidQuery, PathwayUnavailable } from '@inr/projections';
import { badRequest, unprocessable } from '../platform/problem/problem.exception';

/** Runs a read-model query, turning its typed input errors into problems (400/422). */
export async function readModelCall<T>(work: () => T | Promise<T>): Promise<T> {
  try {
    return await work();
  } catch (error) {
    if (error instanceof InvalidQuery) throw badRequest('INVALID_QUERY', error.message);
    if (error instanceof EvaluationInputError) throw badRequest(error.code, error.message);
    if (error instanceof PathwayUnavailable)
      throw unprocessable('PATHWAY_UNAVAILABLE', error.message);
    throw error;
  }
}
