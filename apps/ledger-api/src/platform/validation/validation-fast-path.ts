import {
  getMetadataStorage,
  ValidationTypes,
  type ValidationArguments,
  type ValidatorConstraintInterface,
  type ValidatorOptions,
} from 'class-validator';
import type { ValidationMetadata } from 'class-validator/types/metadata/ValidationMetadata';

// class-validator builds an error object for every property it checks (valid or not), filters
// each property's rules four times and settles promises, then throws the empty errors away:
// about half a valid command's validation time. A valid body needs none of that. So each DTO
// class's rules are gathered once into per-property checks that call the very same constraint
// functions class-validator calls, with the same arguments; they answer only "certainly
// valid". Anything else (a failed rule, a rule of a kind not gathered here, an asynchronous
// rule, a throw) answers "not sure" and class-validator runs as before, so every refusal, its
// problem+json and its field messages come from class-validator unchanged. (Constraint
// instances are taken from class-validator's default container once; the API sets no other.)

type Storage = ReturnType<typeof getMetadataStorage>;
type Check = (object: Record<string, unknown>) => boolean;

/** The options the API validates with; the fast path answers only for exactly these. */
export function fastPathApplies(options: ValidatorOptions | undefined): boolean {
  return (
    options !== undefined &&
    options.whitelist === true &&
    options.forbidNonWhitelisted === true &&
    options.forbidUnknownValues !== false &&
    options.groups === undefined &&
    options.always !== true &&
    options.strictGroups !== true &&
    options.skipMissingProperties !== true &&
    options.skipNullProperties !== true &&
    options.skipUndefinedProperties !== true
  );
}

/** Per class, per schema name (nested lookups pass the parent class's name, as class-validator does). */
const checks = new Map<unknown, Map<string | undefined, Check | null>>();

/**
 * True only if class-validator, with the API's options (`fastPathApplies`), would find no
 * error in `object`; false when it would, or when this cannot tell.
 */
export function certainlyValid(object: unknown): boolean {
  if (object === null || typeof object !== 'object') return false;
  const check = checkFor((object as object).constructor, undefined);
  if (check === null) return false;
  try {
    return check(object as Record<string, unknown>);
  } catch {
    return false;
  }
}

/** Forgets the gathered rules (a rule registered later changes a class's checks). */
export function forgetFastPathChecks(): void {
  checks.clear();
}

function checkFor(target: unknown, schema: string | undefined): Check | null {
  let perSchema = checks.get(target);
  if (!perSchema) checks.set(target, (perSchema = new Map()));
  let check = perSchema.get(schema);
  if (check === undefined) {
    check = gather(getMetadataStorage(), target, schema);
    perSchema.set(schema, check);
  }
  return check;
}

/** A rule and its constraints' instances (class-validator's default container keeps one per class). */
interface Rule {
  metadata: ValidationMetadata;
  validators: ValidatorConstraintInterface[];
}

interface PropertyCheck {
  name: string;
  conditions: ((object: unknown, value: unknown) => boolean)[];
  rules: Rule[];
  nested: ValidationMetadata[];
}

/** A class's checks, or null when it has a rule of a kind this does not gather. */
function gather(storage: Storage, target: unknown, schema: string | undefined): Check | null {
  if (typeof target !== 'function') return null;
  const metadatas = storage.getTargetValidationMetadatas(
    target,
    schema as string,
    false,
    false,
    undefined,
  );
  // forbidUnknownValues: a class without rules is refused.
  if (metadatas.length === 0) return null;
  const grouped = storage.groupByPropertyName(metadatas);
  const properties: PropertyCheck[] = [];
  for (const [name, list] of Object.entries(grouped)) {
    const property: PropertyCheck = { name, conditions: [], rules: [], nested: [] };
    for (const metadata of list) {
      switch (metadata.type) {
        case ValidationTypes.WHITELIST:
          break;
        case ValidationTypes.CONDITIONAL_VALIDATION:
          property.conditions.push(
            metadata.constraints[0] as (object: unknown, value: unknown) => boolean,
          );
          break;
        case ValidationTypes.IS_DEFINED:
        case ValidationTypes.CUSTOM_VALIDATION:
          property.rules.push({
            metadata,
            // Looked up once: the container's lookup is a linear search over every rule class.
            validators: storage
              .getTargetValidatorConstraints(metadata.constraintCls)
              .map((constraint) => constraint.instance),
          });
          break;
        case ValidationTypes.NESTED_VALIDATION:
          property.nested.push(metadata);
          break;
        default:
          return null; // promise validation, or a type this file does not know
      }
    }
    properties.push(property);
  }
  const allowed = new Set(Object.keys(grouped).filter((name) => grouped[name]!.length > 0));
  const targetName = target.name;
  return (object) => {
    // whitelist + forbidNonWhitelisted: any property without a rule is an error.
    for (const name of Object.keys(object)) if (!allowed.has(name)) return false;
    for (const property of properties) {
      const value = object[property.name];
      if (value instanceof Promise) return false;
      let validate = true;
      for (const condition of property.conditions) validate = condition(object, value) && validate;
      if (!validate) continue;
      for (const rule of property.rules)
        if (!ruleHolds(rule, object, value, targetName)) return false;
      if (value !== undefined)
        for (const rule of property.nested) if (!nestedHolds(rule, value)) return false;
    }
    return true;
  };
}

function ruleHolds(
  { metadata, validators }: Rule,
  object: Record<string, unknown>,
  value: unknown,
  targetName: string,
): boolean {
  if (metadata.validateIf && !metadata.validateIf(object, value)) return true;
  const args: ValidationArguments = {
    targetName,
    property: metadata.propertyName,
    object,
    value,
    constraints: metadata.constraints,
  };
  for (const instance of validators) {
    if (!metadata.each || !(Array.isArray(value) || value instanceof Set || value instanceof Map)) {
      if (instance.validate(value, args) !== true) return false; // false, or a promise
      continue;
    }
    const items: unknown[] =
      value instanceof Map ? [...value.values()] : Array.isArray(value) ? value : [...value];
    for (const item of items) if (instance.validate(item, args) !== true) return false;
  }
  return true;
}

function nestedHolds(metadata: ValidationMetadata, value: unknown): boolean {
  const schema = typeof metadata.target === 'string' ? metadata.target : metadata.target.name;
  if (Array.isArray(value) || value instanceof Set || value instanceof Map) {
    const items: unknown[] = value instanceof Set ? [...value] : [...value.values()];
    // Each item is validated as the property itself would be, with only the nested rule.
    for (const item of items)
      if (item !== undefined && !nestedObjectHolds(item, schema)) return false;
    return true;
  }
  return nestedObjectHolds(value, schema);
}

function nestedObjectHolds(value: unknown, schema: string): boolean {
  if (!(value instanceof Object)) return false;
  const check = checkFor(value.constructor, schema);
  return check !== null && check(value as Record<string, unknown>);
}
