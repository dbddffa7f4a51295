// Same shape as the event store's JsonObject, redeclared so the domain imports no other lib.
export type JsonValue =
  string | number | boolean | null | JsonValue[] | { [key: string]: JsonValue };
export type JsonObject = { [key: string]: JsonValue };
