import type { ThreadFieldSchemaType } from '../../api/__generated__/graphql.js';

/** The types a new field can have, as the form offers them (CURRENCY is NUMBER by another name). */
export const CREATABLE_FIELD_TYPES = [
  { value: 'STRING', label: 'Text' },
  { value: 'BOOL', label: 'Yes/No' },
  { value: 'ENUM', label: 'Choice' },
  { value: 'NUMBER', label: 'Number' },
  { value: 'DATE', label: 'Date' },
] as const satisfies readonly { value: ThreadFieldSchemaType; label: string }[];

/** How a field's type reads in the list. */
export function fieldTypeLabel(type: ThreadFieldSchemaType): string {
  return (
    CREATABLE_FIELD_TYPES.find((t) => t.value === type)?.label ?? (type === 'CURRENCY' ? 'Currency' : type)
  );
}

/** "Product area" -> "product_area": the key a label suggests (the server allows letters, digits, _ and -). */
export function keyFromLabel(label: string): string {
  return label
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .replace(/([a-z0-9])([A-Z])/g, '$1_$2')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '_')
    .replace(/^_+|_+$/g, '');
}

/** One value per line, trimmed, blank lines dropped: how the forms read an ENUM's values. */
export function enumValuesOf(text: string): string[] {
  return text
    .split('\n')
    .map((v) => v.trim())
    .filter(Boolean);
}
