type Schema = {
  type?: string | string[];
  properties?: Record<string, Schema>;
  required?: string[];
  items?: Schema;
  prefixItems?: Schema[];
  enum?: unknown[];
  const?: unknown;
  anyOf?: Schema[];
  oneOf?: Schema[];
  additionalProperties?: boolean | Schema;
  description?: string;
  format?: string;
  pattern?: string;
  minimum?: number;
  maximum?: number;
  minLength?: number;
  maxLength?: number;
  minItems?: number;
  maxItems?: number;
};

const pad = (depth: number) => '  '.repeat(depth);

const bounds = (schema: Schema): string => {
  const notes: string[] = [];
  if (schema.minLength !== undefined || schema.maxLength !== undefined) notes.push(`${schema.minLength ?? 0}–${schema.maxLength ?? '∞'} chars`);
  if (schema.minimum !== undefined || schema.maximum !== undefined) notes.push(`${schema.minimum ?? '−∞'}–${schema.maximum ?? '∞'}`);
  if (schema.minItems !== undefined || schema.maxItems !== undefined) notes.push(`${schema.minItems ?? 0}–${schema.maxItems ?? '∞'} items`);
  if (schema.format) notes.push(schema.format);
  if (schema.pattern) notes.push(`/${schema.pattern}/`);
  return notes.join(', ');
};

/**
 * A JSON Schema as a TypeScript-like type, for people: `{ holdId: string; position?: integer }`.
 * Field descriptions and bounds become comments on their lines.
 */
export const schemaText = (schema: Schema | undefined, depth = 0): string => {
  if (!schema || Object.keys(schema).length === 0) return 'any';
  if (schema.const !== undefined) return JSON.stringify(schema.const);
  if (schema.enum) return schema.enum.map((value) => JSON.stringify(value)).join(' | ');
  const union = schema.anyOf ?? schema.oneOf;
  if (union) return union.map((member) => schemaText(member, depth)).join(' | ');
  if (Array.isArray(schema.type)) return schema.type.map((type) => schemaText({ ...schema, type }, depth)).join(' | ');
  switch (schema.type) {
    case 'array':
      if (schema.prefixItems) return `[${schema.prefixItems.map((item) => schemaText(item, depth)).join(', ')}]`;
      return `${wrap(schemaText(schema.items, depth))}[]`;
    case 'object': {
      const properties = Object.entries(schema.properties ?? {});
      if (properties.length === 0) {
        const values = typeof schema.additionalProperties === 'object' ? schemaText(schema.additionalProperties, depth) : 'any';
        return `{ [key: string]: ${values} }`;
      }
      const lines = properties.map(([name, property]) => {
        const optional = (schema.required ?? []).includes(name) ? '' : '?';
        const note = [property.description, bounds(property)].filter(Boolean).join('; ');
        return `${pad(depth + 1)}${name}${optional}: ${schemaText(property, depth + 1)};${note ? ` // ${note}` : ''}`;
      });
      return `{\n${lines.join('\n')}\n${pad(depth)}}`;
    }
    case undefined:
      return 'any';
    default:
      return schema.type;
  }
};

const wrap = (text: string) => (text.includes(' | ') ? `(${text})` : text);
