import { isId, type Id } from '../../../shared/ids';

export const MONITOR_TABS = ['tree', 'graph', 'timeline', 'logs', 'charts', 'alerts'] as const;
export type MonitorTab = (typeof MONITOR_TABS)[number];

/** Where the window is; kept in the URL fragment so reloads and links land on the same screen. */
export type Route =
  | { screen: 'editor' }
  | { screen: 'tasks' }
  | { screen: 'environments' }
  | { screen: 'triggers' }
  | { screen: 'task'; taskId: Id; tab: MonitorTab; nodeId: string | null; presenting: boolean }
  | { screen: 'compare'; a: Id | null; b: Id | null };

const isTab = (value: string | undefined): value is MonitorTab => (MONITOR_TABS as readonly string[]).includes(value ?? '');

export function parseRoute(hash: string): Route {
  const [path = '', query = ''] = hash.replace(/^#/, '').split('?');
  const parts = path.split('/').filter((part) => part.length > 0).map(decodeURIComponent);
  if (parts[0] === 'environments') return { screen: 'environments' };
  if (parts[0] === 'triggers') return { screen: 'triggers' };
  const params = new URLSearchParams(query);
  if (parts[0] === 'compare') return compareRoute(params);
  if (parts[0] !== 'tasks') return { screen: 'editor' };
  const taskId = parts[1];
  if (taskId === undefined || !isId(taskId)) return { screen: 'tasks' };
  return {
    screen: 'task',
    taskId,
    tab: isTab(parts[2]) ? parts[2] : 'tree',
    nodeId: params.get('node') || null,
    presenting: params.get('present') === '1',
  };
}

function compareRoute(params: URLSearchParams): Route {
  const run = (name: string) => {
    const value = params.get(name);
    return value !== null && isId(value) ? value : null;
  };
  return { screen: 'compare', a: run('a'), b: run('b') };
}

export function formatRoute(route: Route): string {
  switch (route.screen) {
    case 'editor':
      return '#/editor';
    case 'tasks':
      return '#/tasks';
    case 'environments':
      return '#/environments';
    case 'triggers':
      return '#/triggers';
    case 'task': {
      const params = new URLSearchParams();
      if (route.nodeId) params.set('node', route.nodeId);
      if (route.presenting) params.set('present', '1');
      const query = params.toString();
      return `#/tasks/${route.taskId}/${route.tab}${query ? `?${query}` : ''}`;
    }
    case 'compare': {
      const params = new URLSearchParams();
      if (route.a) params.set('a', route.a);
      if (route.b) params.set('b', route.b);
      const query = params.toString();
      return `#/compare${query ? `?${query}` : ''}`;
    }
  }
}
