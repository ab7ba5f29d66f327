import '@mantine/core/styles.css';
import '@mantine/notifications/styles.css';
import '@mantine/spotlight/styles.css';
import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { App } from './App';
import { initI18n } from './i18n';
import { createQueryClient } from './app/query-client';
import { askFirstReads } from './app/first-reads';

initI18n();
const client = createQueryClient();
const root = createRoot(document.getElementById('root')!);
askFirstReads(client);
root.render(
  <StrictMode>
    <App client={client} />
  </StrictMode>,
);
