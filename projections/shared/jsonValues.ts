/**
 * JSON values compared and copied the way JSON sees them (an undefined member is absent,
 * key order does not matter), without building JSON text: projections do both for every
 * document of every event.
 */

/** Whether `a` and `b` have the same JSON form up to key order (canonicalJson(a) === canonicalJson(b)). */
export function sameJson(a: unknown, b: unknown): boolean {
  if (a === b) return true;
  if (typeof a !== 'object' || typeof b !== 'object' || a === null || b === null) return false;
  if (Array.isArray(a) || Array.isArray(b)) {
    if (!Array.isArray(a) || !Array.isArray(b) || a.length !== b.length) return false;
    for (let i = 0; i < a.length; i++) if (!sameJson(a[i], b[i])) return false;
    return true;
  }
  const left = a as Record<string, unknown>;
  const right = b as Record<string, unknown>;
  let members = 0;
  for (const key of Object.keys(left)) {
    const value = left[key];
    if (value === undefined) continue;
    members++;
    if (!sameJson(value, right[key])) return false;
  }
  for (const key of Object.keys(right)) if (right[key] !== undefined) members--;
  return members === 0;
}

const isPlainObject = (value: object): value is Record<string, unknown> => {
  const prototype: unknown = Object.getPrototypeOf(value);
  return prototype === Object.prototype || prototype === null;
};

/**
 * A fresh copy of the value as it reads back from JSON: undefined members dropped,
 * undefined in arrays and non-finite numbers as null, -0 as 0. Anything else JSON would convert
 * (dates, objects with toJSON) goes through JSON itself.
 */
export function jsonCopy(value: unknown): unknown {
  switch (typeof value) {
    case 'string':
    case 'boolean':
      return value;
    case 'number':
      return Number.isFinite(value) ? value + 0 : null; // + 0: -0 reads back from JSON as 0
    case 'object':
      if (value === null) return null;
      if (Array.isArray(value)) return value.map((item: unknown) => (item === undefined ? null : jsonCopy(item)));
      if (isPlainObject(value)) {
        const copy: Record<string, unknown> = {};
        for (const key of Object.keys(value)) {
          const member = value[key];
          if (member !== undefined) copy[key] = jsonCopy(member);
        }
        return copy;
      }
  }
  return JSON.parse(JSON.stringify(value)) as unknown;
}
