import type { EdgeState, NodeView } from '../../../../shared/task/nodes';
import type { TaskNodes } from '../../task-panels/task-panel';

/**
 * What the wall screen draws, and at which level of detail. A wall screen is read from three
 * metres, so every text of the graph must come out at WALL_TEXT_PX or more on screen; the
 * graph is laid out for the screen's own proportions and zoomed to fill it. When every node
 * cannot be shown that large, containers are collapsed into one card each (deepest level that
 * still fits first: a collapsed container still shows its agents' counts, so nothing that
 * matters to a room disappears); when even the top level's cards do not fit, they are shown
 * in pages that turn by themselves. Shrinking the text instead would make the screen
 * unreadable where it hangs, which is the one thing it must not be.
 */
export const WALL_TEXT_PX = 24;
/**
 * Beyond this zoom the graph's text would outgrow the task's key figures; a small graph fills
 * the screen by larger cards instead (the layout is stretched, the text is not).
 */
export const WALL_MAX_ZOOM = 1.75;
/** Share of the screen the graph may fill; the rest is a margin so nothing touches the edges. */
export const WALL_FILL = 0.96;

/** Screen height kept free under a collapsed or paged view for the line that says so. */
export const WALL_NOTE_HEIGHT = 52;

/** Geometry in flow units: at zoom 1 a card's text is WALL_TEXT_PX on screen. */
const LINE = Math.round(WALL_TEXT_PX * 1.25);
const CARD_PAD = 12;
const PROGRESS = 10;
export const AGENT_CARD_HEIGHT = CARD_PAD * 2 + LINE * 2 + PROGRESS + 6;
export const CONTAINER_CARD_HEIGHT = CARD_PAD * 2 + LINE * 3 + PROGRESS + 6;
const CARD_MIN_WIDTH = 250;
const CARD_MAX_WIDTH = 560;
export const FRAME_HEADER = LINE + 18;
const FRAME_PAD = 20;
const GAP_X = 64;
const GAP_Y = 20;

export type WallDetail = 'all' | 'collapsed' | 'paged';

export interface WallItem {
  nodeId: string;
  /** A card (an agent, or a container shown collapsed) or the frame of a container shown open. */
  shape: 'agent' | 'container' | 'frame';
  x: number;
  y: number;
  width: number;
  height: number;
}

export interface WallEdge {
  id: string;
  source: string;
  target: string;
  state: EdgeState;
}

export interface WallPlan {
  detail: WallDetail;
  /** The container whose contents fill the screen: the root, or the one container a chain of single children leads to. */
  scopeId: string | null;
  items: WallItem[];
  edges: WallEdge[];
  width: number;
  height: number;
  /** The part of the screen the drawing is fitted into (above the note, if there is one). */
  area: WallScreen;
  /** The zoom that fills the screen: at least 1 (text at WALL_TEXT_PX) unless a single card is larger than the screen, at most WALL_MAX_ZOOM. */
  zoom: number;
  page: number;
  pages: number;
  /** Agents not drawn as cards of their own (inside collapsed containers or on other pages). */
  agentsNotShown: number;
}

export interface WallScreen {
  width: number;
  height: number;
}

interface Tree {
  byId: ReadonlyMap<string, NodeView>;
  children: Map<string, string[]>;
  /** Each node's ancestors from the top, the node itself last. */
  chain: Map<string, string[]>;
  /** Among each container's children: which sibling depends on which (from any depth beneath them). */
  siblingDeps: Map<string, Map<string, Set<string>>>;
}

function buildTree(nodes: TaskNodes): Tree {
  const children = new Map<string, string[]>();
  const chain = new Map<string, string[]>();
  for (const nodeId of nodes.order) {
    const view = nodes.byId.get(nodeId);
    if (!view) continue;
    const parent = view.parentId !== null && nodes.byId.has(view.parentId) ? view.parentId : null;
    chain.set(nodeId, [...(parent !== null ? (chain.get(parent) ?? [parent]) : []), nodeId]);
    if (parent !== null) {
      let list = children.get(parent);
      if (!list) children.set(parent, (list = []));
      list.push(nodeId);
    }
  }
  const siblingDeps = new Map<string, Map<string, Set<string>>>();
  for (const view of nodes.byId.values()) {
    const target = chain.get(view.nodeId);
    if (!target) continue;
    for (const dependency of view.dependencies) {
      const source = chain.get(dependency.sourceNodeId);
      if (!source) continue;
      let i = 0;
      while (i < source.length && i < target.length && source[i] === target[i]) i++;
      const from = source[i];
      const to = target[i];
      const parent = source[i - 1];
      if (from === undefined || to === undefined || parent === undefined) continue;
      let deps = siblingDeps.get(parent);
      if (!deps) siblingDeps.set(parent, (deps = new Map()));
      let sources = deps.get(to);
      if (!sources) deps.set(to, (sources = new Set()));
      sources.add(from);
    }
  }
  return { byId: nodes.byId, children, chain, siblingDeps };
}

function label(view: NodeView | undefined, nodeId: string): string {
  return view?.name ?? nodeId;
}

/**
 * How wide the cards' texts come out at WALL_TEXT_PX in bold: the window measures them with
 * its own font; without one, CJK characters count square and Latin ones at 0.7 em.
 */
export interface WallTexts {
  measure(text: string): number;
  /** The widest second line of an agent's card (status and percent). */
  agentLine: number;
  /** The widest line of a collapsed container's card of `total` agents (its counts, or status and percent). */
  containerLine(total: number): number;
}

export function estimateWidth(text: string): number {
  let width = 0;
  for (const char of text) width += (char.codePointAt(0) ?? 0) >= 0x2e80 ? 1 : 0.7;
  return width * WALL_TEXT_PX;
}

/** Counts of up to `total` in the widest digits, as a card's line would show them at most. */
export function widestCount(total: number): string {
  return String(Math.max(0, total)).replace(/\d/g, '8');
}

export const ESTIMATED_TEXTS: WallTexts = {
  measure: estimateWidth,
  agentLine: estimateWidth('Initializing 100%'),
  containerLine: (total) => {
    const count = widestCount(total);
    return Math.max(estimateWidth('Initializing 100%'), estimateWidth(`${count}/${count} done ▶ ${count} ✕ ${count}`));
  },
};

/** Card borders and padding across (wall-card in presentation.css), and a little air. */
const CARD_CHROME = 2 + 10 + 18 + 12 + 8;

function cardWidth(view: NodeView | undefined, nodeId: string, texts: WallTexts): number {
  const line = view?.nodeType === 'container' ? texts.containerLine(view.managedNodes?.total ?? 0) : texts.agentLine;
  const wanted = Math.max(texts.measure(label(view, nodeId)), line) + CARD_CHROME;
  return Math.min(CARD_MAX_WIDTH, Math.max(CARD_MIN_WIDTH, Math.ceil(wanted)));
}

interface Box {
  width: number;
  height: number;
  /** Items relative to the box's top-left corner. */
  items: WallItem[];
}

/** Longest chain of sibling dependencies before each child; cycles are cut where met. */
function ranks(ids: readonly string[], deps: Map<string, Set<string>> | undefined): number[] {
  const index = new Map(ids.map((id, i) => [id, i]));
  const result = new Array<number>(ids.length).fill(-1);
  const onPath = new Set<number>();
  const rank = (i: number): number => {
    if ((result[i] as number) >= 0) return result[i] as number;
    if (onPath.has(i)) return 0;
    onPath.add(i);
    let best = 0;
    for (const source of deps?.get(ids[i] as string) ?? []) {
      const at = index.get(source);
      if (at !== undefined && at !== i) best = Math.max(best, rank(at) + 1);
    }
    onPath.delete(i);
    result[i] = best;
    return best;
  };
  ids.forEach((_, i) => rank(i));
  return result;
}

/**
 * Children in columns by rank, a column wrapping after `perColumn`, and the columns wrapping
 * into a new band below once a band is `bandWidth` wide (a long chain of ranks would otherwise
 * be one thin strip across a 16:9 screen); offsets from (left, top).
 */
function arrange(boxes: readonly Box[], order: readonly { i: number; rank: number }[], perColumn: number, bandWidth: number, left: number, top: number): Box {
  const items: WallItem[] = [];
  let x = left;
  let right = left;
  let bandTop = top;
  let bottom = top;
  let column: number[] = [];
  let lastRank = -1;
  const flush = () => {
    if (column.length === 0) return;
    const width = Math.max(...column.map((i) => (boxes[i] as Box).width));
    if (x > left && x + width > left + bandWidth) {
      x = left;
      bandTop = bottom + GAP_Y * 2;
    }
    let y = bandTop;
    for (const i of column) {
      const box = boxes[i] as Box;
      for (const item of box.items) items.push({ ...item, x: item.x + x, y: item.y + y });
      y += box.height + GAP_Y;
    }
    bottom = Math.max(bottom, y - GAP_Y);
    right = Math.max(right, x + width);
    x += width + GAP_X;
    column = [];
  };
  for (const { i, rank } of order) {
    if (rank !== lastRank || column.length >= perColumn) flush();
    column.push(i);
    lastRank = rank;
  }
  flush();
  return { width: right, height: bottom, items };
}

function fitZoom(width: number, height: number, screen: WallScreen): number {
  return Math.min((screen.width * WALL_FILL) / Math.max(1, width), (screen.height * WALL_FILL) / Math.max(1, height));
}

/** The children laid out in whichever column height fills the screen best. */
function bestArrangement(boxes: readonly Box[], rankList: readonly number[], screen: WallScreen, left: number, top: number): Box {
  const order = rankList.map((rank, i) => ({ i, rank })).sort((a, b) => a.rank - b.rank || a.i - b.i);
  let best: Box | null = null;
  let bestZoom = -1;
  const oneBand = arrange(boxes, order, boxes.length, Infinity, left, top).width;
  for (const bands of [1, 2, 3]) {
    const bandWidth = bands === 1 ? Infinity : oneBand / bands;
    for (let perColumn = 1; perColumn <= Math.max(1, boxes.length); perColumn++) {
      const box = arrange(boxes, order, perColumn, bandWidth, left, top);
      const zoom = fitZoom(box.width + left, box.height + top, screen);
      if (zoom > bestZoom + 1e-9) {
        best = box;
        bestZoom = zoom;
      }
    }
  }
  return best ?? { width: 0, height: 0, items: [] };
}

/** One node at `depth` below the scope: open frames above `limit`, collapsed cards at it. */
function layOut(tree: Tree, nodeId: string, depth: number, limit: number, screen: WallScreen, texts: WallTexts): Box {
  const view = tree.byId.get(nodeId);
  const kids = tree.children.get(nodeId) ?? [];
  if (view?.nodeType !== 'container' || kids.length === 0 || depth >= limit) {
    const shape = view?.nodeType === 'container' ? 'container' : 'agent';
    const width = cardWidth(view, nodeId, texts);
    const height = shape === 'container' ? CONTAINER_CARD_HEIGHT : AGENT_CARD_HEIGHT;
    return { width, height, items: [{ nodeId, shape, x: 0, y: 0, width, height }] };
  }
  const inner = contents(tree, nodeId, kids, depth + 1, limit, screen, texts, FRAME_PAD, FRAME_HEADER + FRAME_PAD / 2);
  const width = Math.max(inner.width + FRAME_PAD, cardWidth(view, nodeId, texts));
  const height = inner.height + FRAME_PAD;
  return { width, height, items: [{ nodeId, shape: 'frame', x: 0, y: 0, width, height }, ...inner.items] };
}

function contents(tree: Tree, parentId: string, kids: readonly string[], depth: number, limit: number, screen: WallScreen, texts: WallTexts, left: number, top: number): Box {
  const boxes = kids.map((kid) => layOut(tree, kid, depth, limit, screen, texts));
  return bestArrangement(boxes, ranks(kids, tree.siblingDeps.get(parentId)), screen, left, top);
}

function countAgents(tree: Tree, nodeId: string): number {
  const kids = tree.children.get(nodeId);
  if (!kids) return tree.byId.get(nodeId)?.nodeType === 'agent' ? 1 : 0;
  return kids.reduce((sum, kid) => sum + countAgents(tree, kid), 0);
}

function maxDepth(tree: Tree, nodeId: string): number {
  const kids = tree.children.get(nodeId) ?? [];
  return kids.length === 0 ? 0 : 1 + Math.max(...kids.map((kid) => maxDepth(tree, kid)));
}

/** Dependencies between what is drawn: each end moved up to the card (or frame) that stands for it. */
function edgesOf(tree: Tree, items: readonly WallItem[]): WallEdge[] {
  const shown = new Set(items.map((item) => item.nodeId));
  const standIn = (nodeId: string): string | undefined => {
    const chain = tree.chain.get(nodeId) ?? [];
    for (let i = chain.length - 1; i >= 0; i--) if (shown.has(chain[i] as string)) return chain[i];
    return undefined;
  };
  const edges = new Map<string, WallEdge>();
  const rankOf: Record<EdgeState, number> = { satisfied: 0, pending: 1, unsatisfiable: 2 };
  for (const view of tree.byId.values()) {
    const target = standIn(view.nodeId);
    if (target === undefined) continue;
    for (const dependency of view.dependencies) {
      const source = standIn(dependency.sourceNodeId);
      if (source === undefined || source === target) continue;
      // A dependency between a node and its own open frame is drawn by the nesting itself.
      if ((tree.chain.get(target) ?? []).includes(source) || (tree.chain.get(source) ?? []).includes(target)) continue;
      const id = `${source}->${target}`;
      const known = edges.get(id);
      // Several dependencies drawn as one line: the line shows the worst of them.
      if (!known || rankOf[dependency.state] > rankOf[known.state]) edges.set(id, { id, source, target, state: dependency.state });
    }
  }
  return [...edges.values()];
}

function plan(tree: Tree, scopeId: string, box: Box, detail: WallDetail, screen: WallScreen, page: number, pages: number, totalAgents: number): WallPlan {
  const cardsOfAgents = box.items.filter((item) => item.shape === 'agent').length;
  const fit = fitZoom(box.width, box.height, screen);
  const stretch = Math.max(1, fit / WALL_MAX_ZOOM);
  const items = stretch === 1 ? box.items : box.items.map((item) => ({ ...item, x: item.x * stretch, y: item.y * stretch, width: item.width * stretch, height: item.height * stretch }));
  return {
    detail,
    scopeId,
    items,
    edges: edgesOf(tree, items),
    area: screen,
    width: box.width * stretch,
    height: box.height * stretch,
    zoom: fit / stretch,
    page,
    pages,
    agentsNotShown: totalAgents - cardsOfAgents,
  };
}

/** The root, or past it the one container each level holds alone (its frame would only be a border). */
function scopeOf(tree: Tree, rootId: string): string {
  let scope = rootId;
  for (;;) {
    const kids = tree.children.get(scope) ?? [];
    const only = kids.length === 1 ? kids[0] : undefined;
    if (only === undefined || !tree.children.has(only)) return scope;
    scope = only;
  }
}

/**
 * The most detailed view of the task that fits the screen with readable text: every node,
 * else containers collapsed from the deepest level that fits upwards, else the top level's
 * cards in pages (`page` is taken modulo the number of pages).
 */
export function wallPlan(nodes: TaskNodes, screen: WallScreen, page = 0, texts: WallTexts = ESTIMATED_TEXTS): WallPlan | null {
  const tree = buildTree(nodes);
  const rootId = nodes.order.find((nodeId) => (tree.chain.get(nodeId)?.length ?? 0) === 1);
  if (rootId === undefined) return null;
  const scopeId = scopeOf(tree, rootId);
  const kids = tree.children.get(scopeId) ?? [];
  const totalAgents = countAgents(tree, scopeId);
  const empty: Box = { width: 0, height: 0, items: [] };
  if (kids.length === 0) return plan(tree, scopeId, empty, 'all', screen, 0, 1, totalAgents);

  const deepest = maxDepth(tree, scopeId);
  const noted = { width: screen.width, height: Math.max(1, screen.height - WALL_NOTE_HEIGHT) };
  // Each level costs a layout of everything shown; a level with more cards than the screen can
  // possibly hold at readable size is not tried.
  const capacity = Math.floor((screen.width * screen.height) / (CARD_MIN_WIDTH * AGENT_CARD_HEIGHT)) + 1;
  for (let limit = deepest; limit >= 1; limit--) {
    if (shownAt(tree, scopeId, limit) > capacity) continue;
    const area = limit === deepest ? screen : noted;
    const box = contents(tree, scopeId, kids, 1, limit, area, texts, 0, 0);
    if (fitZoom(box.width, box.height, area) >= 1) return plan(tree, scopeId, box, limit === deepest ? 'all' : 'collapsed', area, 0, 1, totalAgents);
  }

  // The largest run of top-level cards that fits, then as many pages as that makes.
  const fits = (count: number) => {
    const box = contents(tree, scopeId, kids.slice(0, count), 1, 1, noted, texts, 0, 0);
    return fitZoom(box.width, box.height, noted) >= 1;
  };
  let low = 1;
  let high = Math.min(kids.length, capacity);
  while (low < high) {
    const middle = Math.ceil((low + high) / 2);
    if (fits(middle)) low = middle;
    else high = middle - 1;
  }
  const pages = Math.ceil(kids.length / low);
  const at = ((page % pages) + pages) % pages;
  const box = contents(tree, scopeId, kids.slice(at * low, (at + 1) * low), 1, 1, noted, texts, 0, 0);
  return plan(tree, scopeId, box, 'paged', noted, at, pages, totalAgents);
}

/** The edges between the items a plan shows, as the task's nodes now stand. */
export function wallEdges(nodes: TaskNodes, items: readonly WallItem[]): WallEdge[] {
  return edgesOf(buildTree(nodes), items);
}

/** How many items a level shows (frames and cards). */
function shownAt(tree: Tree, nodeId: string, limit: number, depth = 0): number {
  const kids = tree.children.get(nodeId) ?? [];
  if (depth >= limit || kids.length === 0) return 1;
  return kids.reduce((sum, kid) => sum + shownAt(tree, kid, limit, depth + 1), depth === 0 ? 0 : 1);
}
