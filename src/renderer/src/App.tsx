import type { ConsoleClient } from '../../shared/api/contract';
import { EditorServicesContext, type EditorServices } from './editor/editor-services';
import { WorkflowEditor } from './editor/WorkflowEditor';
import { AppHeader } from './shell/AppHeader';
import { StoreStatus } from './shell/StoreStatus';
import { useTheme } from './theme/use-theme';

interface AppProps {
  client: ConsoleClient;
  /** The editor's link to the core; null leaves the editor working on its own document only. */
  editorServices: EditorServices | null;
}

export function App({ client, editorServices }: AppProps) {
  const [theme, setTheme] = useTheme();
  return (
    <div className="app">
      <AppHeader theme={theme} onTheme={setTheme} />
      <main className="app-main">
        <EditorServicesContext.Provider value={editorServices}>
          <WorkflowEditor colorMode={theme} />
        </EditorServicesContext.Provider>
      </main>
      <StoreStatus client={client} />
    </div>
  );
}
