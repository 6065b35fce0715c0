import { useRef } from 'react';
import { useTranslation } from 'react-i18next';
import type { AgentCatalogItem } from './model/agent-catalog';
import { copyNodes, pasteClip, type Clip } from './model/clipboard';
import { defaultConfig } from './model/config-schema';
import { absoluteRect, addNode, containerAt, findNode, findRoot, freeSpot, isContainer, removeDependencies, removeNodes } from './model/document';
import { parseEdgeId } from './model/flow-ids';
import { AGENT_SIZE, CONTAINER_SIZE, type Point } from './model/geometry';
import type { PaletteItem } from './palette/palette-drag';
import type { EditorDocument } from './use-editor-document';

export interface EditingActions {
  copy: () => boolean;
  cut: () => void;
  paste: () => void;
  deleteSelection: () => void;
  selectAll: () => void;
  onDropItem: (item: PaletteItem, at: Point) => void;
  onPaletteAdd: (item: PaletteItem) => void;
}

/** Editing the document's nodes: adding from the palette, the clipboard, deleting and selecting. */
export function useEditingActions(doc: EditorDocument, catalog: readonly AgentCatalogItem[]): EditingActions {
  const { t } = useTranslation();
  const clipboard = useRef<Clip | undefined>(undefined);
  const { latest, state, onEdit, select } = doc;

  /** The container new or pasted nodes go into: the selected container, the selected node's, or the root. */
  const targetContainer = (): string | undefined => {
    const current = latest.current;
    const selected = [...state.selection.nodes].map((id) => findNode(current, id));
    if (selected.length === 1 && selected[0]) return isContainer(selected[0]) ? selected[0].nodeId : (selected[0].parentId ?? findRoot(current)?.nodeId);
    return findRoot(current)?.nodeId;
  };

  const addItem = (item: PaletteItem, parentId: string, position: Point) => {
    const agent = item.agentLoad ? catalog.find((entry) => entry.agentLoad === item.agentLoad) : undefined;
    const name = item.kind ? t(`nodeKinds.${item.kind}`) : item.nodeType === 'container' ? t('editor.newContainerName') : (agent?.name ?? t('editor.newAgentName'));
    const added = addNode(latest.current, {
      nodeType: item.nodeType,
      parentId,
      position,
      name,
      ...(item.agentLoad ? { agentLoad: item.agentLoad } : {}),
      ...(agent ? { agentConfig: defaultConfig(agent.configSchema) } : {}),
      ...(item.kind ? { kind: item.kind } : {}),
      idBase: item.kind ?? item.agentLoad ?? (item.nodeType === 'container' ? 'container' : 'agent'),
    });
    onEdit(() => added.definition, undefined, { nodes: new Set([added.nodeId]), edges: new Set() });
  };

  const copy = (): boolean => {
    const clip = copyNodes(latest.current, state.selection.nodes);
    if (clip) clipboard.current = clip;
    return clip !== undefined;
  };

  const deleteSelection = () => {
    const edgeRefs = [...state.selection.edges].flatMap((id) => parseEdgeId(id) ?? []);
    const nodes = [...state.selection.nodes];
    if (edgeRefs.length === 0 && nodes.length === 0) return;
    onEdit((current) => removeNodes(removeDependencies(current, edgeRefs), nodes), undefined, { nodes: new Set(), edges: new Set() });
  };

  return {
    copy,
    cut: () => {
      if (copy()) deleteSelection();
    },
    paste: () => {
      const clip = clipboard.current;
      const parentId = targetContainer();
      if (!clip || !parentId) return;
      const current = latest.current;
      const sameParent = clip.nodes.filter((node) => clip.topLevel.includes(node.nodeId)).every((node) => node.parentId === parentId);
      const pasted = pasteClip(current, clip, parentId, sameParent ? undefined : freeSpot(current, parentId));
      onEdit(() => pasted.definition, undefined, { nodes: new Set(pasted.pastedIds), edges: new Set() });
    },
    deleteSelection,
    selectAll: () =>
      select({
        nodes: new Set(doc.definition.nodes.filter((node) => !node.isRoot).map((node) => node.nodeId)),
        edges: new Set(),
      }),
    onDropItem: (item, at) => {
      const current = latest.current;
      const parentId = containerAt(current, at) ?? findRoot(current)?.nodeId;
      if (!parentId) return;
      const origin = absoluteRect(current, parentId);
      const size = item.nodeType === 'agent' ? AGENT_SIZE : CONTAINER_SIZE;
      addItem(item, parentId, { x: Math.round(at.x - origin.x - size.width / 2), y: Math.round(at.y - origin.y - size.height / 2) });
    },
    onPaletteAdd: (item) => {
      const parentId = targetContainer();
      if (parentId) addItem(item, parentId, freeSpot(latest.current, parentId));
    },
  };
}
