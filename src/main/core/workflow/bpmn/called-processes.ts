import type { ModdleElement } from 'moddle';

function flowElements(container: ModdleElement): ModdleElement[] {
  const elements: unknown = container.flowElements;
  return Array.isArray(elements) ? (elements as ModdleElement[]) : [];
}

/** How many call activities, anywhere in the given processes, call each element id. */
export function countCalls(processes: readonly ModdleElement[]): Map<string, number> {
  const counts = new Map<string, number>();
  const pending = [...processes];
  while (pending.length > 0) {
    const container = pending.pop() as ModdleElement;
    for (const element of flowElements(container)) {
      if (element.$instanceOf('bpmn:SubProcess')) pending.push(element);
      const called: unknown = element.$type === 'bpmn:CallActivity' ? element.calledElement : undefined;
      if (typeof called === 'string') counts.set(called, (counts.get(called) ?? 0) + 1);
    }
  }
  return counts;
}
