/**
 * The shapes a scenario schema is written in: a small tree that says, for every field, its type,
 * unit, range and meaning. Validation, the JSON Schema export and SCHEMA.md are all derived from
 * one such tree (`SCENARIO_SCHEMA`), so they cannot drift apart. Defaults are not written here:
 * they come from the model's and the network's own default objects (see `scenarioDefaults`).
 */

interface Base {
  /** One or two sentences for people: what it means, and the source of a figure (DOMAIN.md). */
  doc: string;
  /** Unit, when it has one: 'minutes', 'INR', 'km', 'share', … */
  unit?: string;
}

export interface NumberField extends Base {
  kind: 'number';
  integer?: boolean;
  min: number;
  max: number;
  /** `min` itself is not allowed (e.g. scale > 0). */
  exclusiveMin?: boolean;
}

export interface StringField extends Base {
  kind: 'string';
  /** Allowed values; absent means any string. */
  enum?: readonly string[];
  /** 'date' is an ISO date YYYY-MM-DD. */
  format?: 'date';
  /** A regular expression the whole string must match, with what it means in words. */
  pattern?: { regex: string; meaning: string };
}

export interface BooleanField extends Base {
  kind: 'boolean';
}

/** Either an integer or a string (seeds). */
export interface SeedField extends Base {
  kind: 'seed';
}

export interface ArrayField extends Base {
  kind: 'array';
  items: FieldSchema;
  minItems?: number;
  maxItems?: number;
  /** Each item greater than the one before. */
  ascending?: boolean;
}

export interface ObjectField extends Base {
  kind: 'object';
  fields: Record<string, FieldSchema>;
  /** Fields that must be present once every layer is merged. */
  required?: readonly string[];
}

/** An object whose keys are ids chosen by the author (disruptions, node overrides, sweeps). */
export interface MapField extends Base {
  kind: 'map';
  /** What a key is, for messages: 'a disruption id', "a node's name". */
  key: string;
  values: FieldSchema;
  /** What `null` means as an entry's value, when it is one (kept through merges): 'removes the node'. */
  nullable?: string;
}

/** One of several object shapes, chosen by the value of a tag field (`type`). */
export interface UnionField extends Base {
  kind: 'union';
  tag: string;
  variants: Record<string, ObjectField>;
}

/** Anything: for values checked elsewhere (sweep values are checked against their field). */
export interface AnyField extends Base {
  kind: 'any';
}

export type FieldSchema = NumberField | StringField | BooleanField | SeedField | ArrayField | ObjectField | MapField | UnionField | AnyField;
