/**
 * A validated DTO as plain JSON: class instances become objects and absent optional fields
 * (which class fields initialise to undefined) disappear, so commands hold only what was sent.
 */
export function plain<T extends object>(dto: T): T {
  return JSON.parse(JSON.stringify(dto)) as T;
}
