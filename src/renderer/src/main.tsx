import '@xyflow/react/dist/style.css';
import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { connectConsole } from './api/connect';
import { consoleEditorServices } from './api/console-editor-services';
import { App } from './App';
import { setupI18n } from './i18n/i18n';
import { ConnectionBanner } from './shell/ConnectionBanner';
import { ConnectionContext } from './shell/use-connection';
import './theme/theme.css';
import './styles.css';

setupI18n();
const { client, connection } = connectConsole();

createRoot(document.getElementById('root')!).render(
  <StrictMode>
    <ConnectionContext.Provider value={connection}>
      <ConnectionBanner />
      <App client={client} editorServices={consoleEditorServices(client)} />
    </ConnectionContext.Provider>
  </StrictMode>,
);
