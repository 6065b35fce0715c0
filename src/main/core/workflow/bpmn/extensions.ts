import type { ModdleElement } from 'moddle';
import { DEDUCTION_FIELD_TYPE, type DeductionAttribute } from './deduction-schema';

/** Namespaces of the vendor extensions the import reads (see activity-mapping.ts). */
export const CAMUNDA_NS = 'http://camunda.org/schema/1.0/bpmn';
export const ZEEBE_NS = 'http://camunda.org/schema/zeebe/1.0';

/** A namespaced attribute or element bpmn-moddle did not know, with its namespace resolved. */
export interface ForeignName {
  qualifiedName: string;
  namespace?: string;
  localName: string;
}

/** The namespace a prefix stands for at an element: the nearest xmlns declaration above it. */
function namespaceOfPrefix(prefix: string, element: ModdleElement | undefined): string | undefined {
  for (let current = element; current; current = current.$parent as ModdleElement | undefined) {
    const declared: unknown = current.$attrs?.[`xmlns:${prefix}`];
    if (typeof declared === 'string') return declared;
  }
  return undefined;
}

function foreignName(qualifiedName: string, context: ModdleElement): ForeignName {
  const colon = qualifiedName.indexOf(':');
  if (colon < 0) return { qualifiedName, localName: qualifiedName };
  const prefix = qualifiedName.slice(0, colon);
  return { qualifiedName, namespace: namespaceOfPrefix(prefix, context), localName: qualifiedName.slice(colon + 1) };
}

/** Attributes of other namespaces on an element (namespace declarations and xsi excluded). */
export function foreignAttributes(element: ModdleElement): (ForeignName & { value: string })[] {
  return Object.entries(element.$attrs ?? {})
    .filter(([name]) => name.includes(':') && !name.startsWith('xmlns:') && !name.startsWith('xsi:'))
    .map(([name, value]) => ({ ...foreignName(name, element), value: String(value) }));
}

export function foreignAttribute(element: ModdleElement, namespace: string, localName: string): string | undefined {
  return foreignAttributes(element).find((attribute) => attribute.namespace === namespace && attribute.localName === localName)?.value;
}

/** The children of an element's <extensionElements>. */
function extensionValues(element: ModdleElement): ModdleElement[] {
  const container = element.extensionElements as ModdleElement | undefined;
  const values: unknown = container?.values;
  return Array.isArray(values) ? (values as ModdleElement[]) : [];
}

/** Extension elements of other namespaces than `deduction`, with their namespace resolved. */
export function foreignExtensionElements(element: ModdleElement): (ForeignName & { element: ModdleElement })[] {
  return extensionValues(element)
    .filter((value) => value.$type !== DEDUCTION_FIELD_TYPE)
    .map((value) => ({ ...foreignName(value.$type, element), element: value }));
}

export function deductionAttribute(element: ModdleElement, name: DeductionAttribute): string | undefined {
  const value: unknown = element.get(`deduction:${name}`);
  return typeof value === 'string' ? value : undefined;
}

/** The raw JSON bodies of an element's `deduction:field` extension elements, by field name. */
export function deductionFieldBodies(element: ModdleElement): Map<string, string> {
  const bodies = new Map<string, string>();
  for (const value of extensionValues(element)) {
    if (value.$type !== DEDUCTION_FIELD_TYPE) continue;
    const name: unknown = value.name;
    const body: unknown = value.value;
    if (typeof name === 'string') bodies.set(name, typeof body === 'string' ? body : '');
  }
  return bodies;
}
