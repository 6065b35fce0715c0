/**
 * bpmn-moddle ships types for its elements (`bpmn-moddle/types`) but none for its entry point;
 * this declares the part of the entry point the importer and exporter use.
 */
declare module 'bpmn-moddle' {
  import type { ModdleElement, Moddle, PackageDefinition } from 'moddle';
  import type { BpmnDefinitions, BpmnModdleTypeMap, BpmndiModdleTypeMap, DcModdleTypeMap } from 'bpmn-moddle/types';

  export type { PackageDefinition };

  /** A problem the reader recovered from (lax mode): unknown elements, unresolved references, … */
  export interface ParseWarning {
    message: string;
    error?: Error;
    element?: ModdleElement;
    property?: string;
    value?: string;
  }

  export interface ParseResult {
    rootElement: ModdleElement<BpmnDefinitions>;
    warnings: ParseWarning[];
    elementsById: Record<string, ModdleElement>;
  }

  /** What `fromXML` rejects with: the fatal error, plus the warnings gathered before it. */
  export interface ParseError extends Error {
    warnings?: ParseWarning[];
  }

  export type KnownTypes = BpmnModdleTypeMap & BpmndiModdleTypeMap & DcModdleTypeMap;

  export class BpmnModdle extends Moddle {
    constructor(packages?: Record<string, PackageDefinition>, options?: { strict?: boolean });
    fromXML(xml: string, options?: { lax?: boolean }): Promise<ParseResult>;
    toXML(element: ModdleElement, options?: { format?: boolean; preamble?: boolean }): Promise<{ xml: string }>;
    create<K extends keyof KnownTypes>(type: K, attrs?: Partial<KnownTypes[K]>): KnownTypes[K];
    create(type: string, attrs?: Record<string, unknown>): ModdleElement;
  }
}
