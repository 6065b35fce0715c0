import { useCallback } from 'react';
import type { ConsoleClient } from '../../shared/api/contract';
import { EditorServicesContext, type EditorServices } from './editor/editor-services';
import { WorkflowEditor } from './editor/WorkflowEditor';
import { CompareScreen } from './compare/CompareScreen';
import { EnvironmentsScreen } from './environments/EnvironmentsScreen';
import { Dashboard } from './monitor/dashboard/Dashboard';
import { TaskMonitor } from './monitor/TaskMonitor';
import { AppHeader } from './shell/AppHeader';
import { TriggersScreen } from './triggers/TriggersScreen';
import type { MonitorTab } from './shell/route';
import { StoreStatus } from './shell/StoreStatus';
import { useRoute } from './shell/use-route';
import { useSessionRole } from './shell/use-session-role';
import { useTheme } from './theme/use-theme';

interface AppProps {
  client: ConsoleClient;
  /** The editor's link to the core; null leaves the editor working on its own document only. */
  editorServices: EditorServices | null;
}

export function App({ client, editorServices }: AppProps) {
  const [theme, setTheme] = useTheme();
  const [route, navigate] = useRoute();
  const role = useSessionRole(client);
  const openTask = useCallback((taskId: string, nodeId: string | null = null) => navigate({ screen: 'task', taskId, tab: 'tree', nodeId, presenting: false }), [navigate]);
  const onMonitorNavigate = useCallback(
    (change: { tab?: MonitorTab; nodeId?: string | null; presenting?: boolean }) => {
      // Selecting a node replaces the history entry; changing tabs or mode adds one.
      if (route.screen === 'task') navigate({ ...route, ...change }, { replace: change.tab === undefined && change.presenting === undefined });
    },
    [route, navigate],
  );
  return (
    <div className="app">
      <AppHeader readOnly={role === 'viewer'} theme={theme} onTheme={setTheme} screen={route.screen} onNavigate={(screen) => navigate({ screen })} client={client} onOpenTask={openTask} />
      <main className="app-main">
        {/* The editor stays mounted while another screen shows, so an unsaved workflow survives a look at the monitor. */}
        <div className="screen" hidden={route.screen !== 'editor'}>
          <EditorServicesContext.Provider value={editorServices}>
            <WorkflowEditor readOnly={role !== 'operator'} colorMode={theme} onTaskStarted={(taskId) => openTask(taskId)} />
          </EditorServicesContext.Provider>
        </div>
        {route.screen === 'environments' && <EnvironmentsScreen client={client} />}
        {route.screen === 'triggers' && <TriggersScreen client={client} />}
        {route.screen === 'tasks' && <Dashboard client={client} onOpenTask={(taskId) => openTask(taskId)} />}
        {route.screen === 'compare' && <CompareScreen client={client} a={route.a} b={route.b} onPick={(runs) => navigate({ screen: 'compare', ...runs }, { replace: true })} onOpenTask={(taskId) => openTask(taskId)} />}
        {route.screen === 'task' && (
          <TaskMonitor
            key={route.taskId}
            client={client}
            taskId={route.taskId}
            tab={route.tab}
            nodeId={route.nodeId}
            presenting={route.presenting}
            onNavigate={onMonitorNavigate}
            onBack={() => navigate({ screen: 'tasks' })}
          />
        )}
      </main>
      <StoreStatus client={client} />
    </div>
  );
}
