import type { ModdleElement } from 'moddle';

function displayName(element: ModdleElement): string | undefined {
  const name: unknown = element.name;
  if (typeof name !== 'string') return undefined;
  const flat = name.replace(/\s+/g, ' ').trim();
  if (!flat) return undefined;
  return flat.length > 60 ? `${flat.slice(0, 57)}...` : flat;
}

/** How warnings name an element: its BPMN type, its name and its id, e.g. bpmn:Task "Bake" (Task_1). */
export function describeElement(element: ModdleElement): string {
  const name = displayName(element);
  const id: unknown = element.id;
  return [element.$type, name === undefined ? undefined : `"${name}"`, typeof id === 'string' ? `(${id})` : undefined]
    .filter((part) => part !== undefined)
    .join(' ');
}

export function elementId(element: ModdleElement): string | undefined {
  const id: unknown = element.id;
  return typeof id === 'string' ? id : undefined;
}
