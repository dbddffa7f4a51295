import { problemFrom } from './problem';

export interface Sent<T> {
  body: T;
  etag: string | null;
}

/** Calls the API with the signed-in person's bearer token; refusals throw an ApiProblem. */
export class ApiClient {
  constructor(private readonly token: string | undefined) {}

  async get<T>(path: string): Promise<T> {
    return (await this.request<T>('GET', path)).body;
  }

  /** GET with the response's ETag, for a later If-Match. */
  getWithEtag<T>(path: string): Promise<Sent<T>> {
    return this.request<T>('GET', path);
  }

  async text(path: string): Promise<string> {
    const res = await fetch(path, { headers: this.headers() });
    if (!res.ok) throw await problemFrom(res);
    return res.text();
  }

  /** A command: a fresh Idempotency-Key per attempt the user makes; If-Match when given. */
  post<T>(path: string, body: unknown, ifMatch?: string): Promise<Sent<T>> {
    return this.request<T>('POST', path, body, {
      'idempotency-key': crypto.randomUUID(),
      ...(ifMatch ? { 'if-match': ifMatch } : {}),
    });
  }

  private headers(extra: Record<string, string> = {}): Record<string, string> {
    return {
      accept: 'application/json',
      ...(this.token ? { authorization: `Bearer ${this.token}` } : {}),
      ...extra,
    };
  }

  private async request<T>(
    method: 'GET' | 'POST',
    path: string,
    body?: unknown,
    extra: Record<string, string> = {},
  ): Promise<Sent<T>> {
    const res = await fetch(path, {
      method,
      headers: this.headers(
        body === undefined ? extra : { 'content-type': 'application/json', ...extra },
      ),
      ...(body === undefined ? {} : { body: JSON.stringify(body) }),
    });
    if (!res.ok) throw await problemFrom(res);
    return { body: (await res.json()) as T, etag: res.headers.get('etag') };
  }
}
