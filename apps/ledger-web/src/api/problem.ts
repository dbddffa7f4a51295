/** An RFC 9457 problem from the API, as the ledger answers every refusal. */
export interface FieldError {
  field: string;
  message: string;
}

export class ApiProblem extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    readonly detail: string,
    readonly errors: FieldError[] = [],
  ) {
    super(detail);
    this.name = 'ApiProblem';
  }

  /** The API's message for one field (and its sub-fields), if it named it. */
  messagesFor(field: string): string[] {
    return this.errors
      .filter((e) => e.field === field || e.field.startsWith(`${field}.`))
      .map((e) => e.message);
  }
}

export async function problemFrom(res: Response): Promise<ApiProblem> {
  let body: Partial<{ code: string; detail: string; title: string; errors: FieldError[] }> = {};
  try {
    body = (await res.json()) as typeof body;
  } catch {
    body = {};
  }
  return new ApiProblem(
    res.status,
    body.code ?? `HTTP_${res.status}`,
    body.detail ?? body.title ?? res.statusText,
    Array.isArray(body.errors) ? body.errors : [],
  );
}
