import { getMetadataStorage } from 'class-validator';
import { forgetFastPathChecks } from './validation-fast-path';

type Storage = ReturnType<typeof getMetadataStorage>;
type Lookup = Storage['getTargetValidationMetadatas'];

let installed = false;

/**
 * class-validator looks a DTO's rules up on every validation of every nested object, walking
 * every registered class to find inherited rules (about a sixth of a command's validation
 * time). The rules are fixed once the DTO classes are loaded, so each lookup is answered once
 * per class and options (and grouped by property once), and the cache is dropped whenever a
 * rule is registered.
 */
export function cacheValidationMetadata(): void {
  if (installed) return;
  installed = true;
  const storage = getMetadataStorage();
  const lookup: Lookup = storage.getTargetValidationMetadatas.bind(storage);
  const addMetadata = storage.addValidationMetadata.bind(storage);
  let cache = new Map<unknown, Map<string, ReturnType<Lookup>>>();
  storage.addValidationMetadata = (metadata) => {
    cache = new Map();
    forgetFastPathChecks();
    addMetadata(metadata);
  };
  storage.getTargetValidationMetadatas = (target, schema, always, strictGroups, groups) => {
    const options = `${schema}\n${always}\n${strictGroups}\n${groups?.join('\n') ?? ''}`;
    let perTarget = cache.get(target);
    if (!perTarget) cache.set(target, (perTarget = new Map()));
    let found = perTarget.get(options);
    if (!found)
      perTarget.set(options, (found = lookup(target, schema, always, strictGroups, groups)));
    return found;
  };
  // Grouped by property once per cached list (the executor reads the groups, never changes them).
  const group = storage.groupByPropertyName.bind(storage);
  const grouped = new WeakMap<object, ReturnType<Storage['groupByPropertyName']>>();
  storage.groupByPropertyName = (metadata) => {
    let found = grouped.get(metadata);
    if (!found) grouped.set(metadata, (found = group(metadata)));
    return found;
  };
}
