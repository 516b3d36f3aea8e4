/**
 * Reads a schema as the content check needs it: the wording of what a field must hold, the fields an object
 * takes, and where a record holds date-times. Everything comes from the schema, so a field added there alone is
 * reported rightly.
 */
import type { z } from 'astro/zod';
import { expectations } from './fields';
import type { Path } from './yaml-source';

type Schema = z.core.$ZodType;

/** The parts of a zod definition a walk reads: what a wrapper wraps, an object's fields, a list's items. */
interface Def {
  type: string;
  innerType?: Schema;
  in?: Schema;
  out?: Schema;
  shape?: Record<string, Schema>;
  element?: Schema;
}

const defOf = (schema: Schema) => schema._zod.def as unknown as Def;

/** A schema and what it wraps (optional, default, the input of a transform, the output of a preprocess), outermost first. */
function layers(schema: Schema): Schema[] {
  const found = [schema];
  for (;;) {
    const def = defOf(found[found.length - 1]);
    const inner = def.innerType ?? (def.type === 'pipe' ? (defOf(def.in!).type === 'transform' ? def.out : def.in) : undefined);
    if (!inner) return found;
    found.push(inner);
  }
}

/** The schema of `key` in what `schema` takes (a field of an object, an item of a list); undefined if it takes none. */
function childOf(schema: Schema, key: string | number): Schema | undefined {
  for (const layer of layers(schema)) {
    const { shape, element } = defOf(layer);
    if (shape) return Object.hasOwn(shape, key) ? shape[key] : undefined;
    if (element) return typeof key === 'number' ? element : undefined;
  }
  return undefined;
}

/** The schemas along `path`, from `schema` itself to the deepest the path reaches. */
function schemasAlong(schema: Schema, path: Path): Schema[] {
  const found = [schema];
  for (const key of path) {
    const child = childOf(found[found.length - 1], key);
    if (!child) break;
    found.push(child);
  }
  return found;
}

/**
 * What the value at `path` must hold, as editors are told: the wording nearest to it, so `tags.1` has that of
 * `tags` and `image.alt` its own. Undefined when nothing along the path has any.
 */
export function expectedAt(schema: Schema, path: Path): string | undefined {
  const wordings = schemasAlong(schema, path).map((step) => layers(step).map((layer) => expectations.get(layer)?.expected).find(Boolean));
  return wordings.reverse().find(Boolean);
}

/** The fields the object at `path` takes, in the schema's order. */
export function fieldsAt(schema: Schema, path: Path): string[] {
  const target = schemasAlong(schema, path);
  if (target.length !== path.length + 1) return [];
  const object = layers(target[target.length - 1]).find((layer) => defOf(layer).shape);
  return Object.keys(object ? defOf(object).shape! : {});
}

export function valueAt(data: unknown, path: Path): unknown {
  return path.reduce<unknown>((value, key) => (value as Record<string | number, unknown> | undefined)?.[key], data);
}

/** The paths in `data` where `schema` takes a value of the schema `kind` (e.g. every date-time), in the schema's order. */
export function pathsOf(kind: Schema, schema: Schema, data: unknown, path: Path = []): Path[] {
  if (data === undefined) return [];
  const found: Path[] = [];
  for (const layer of layers(schema)) {
    if (layer === kind) return [path];
    const { shape, element } = defOf(layer);
    if (shape && typeof data === 'object' && data !== null && !Array.isArray(data)) {
      for (const [key, field] of Object.entries(shape)) found.push(...pathsOf(kind, field, (data as Record<string, unknown>)[key], [...path, key]));
      return found;
    }
    if (element && Array.isArray(data)) {
      data.forEach((item, index) => found.push(...pathsOf(kind, element, item, [...path, index])));
      return found;
    }
  }
  return found;
}
