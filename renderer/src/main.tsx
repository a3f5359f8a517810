import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { chooseTransport } from './api/chooseTransport';
import { createClient } from './api/client';
import { Root } from './components/Root';
import { createI18n } from './i18n/createI18n';
import { createStores } from './stores/createStores';
import './styles.css';

const container = document.getElementById('root');
if (!container) throw new Error('index.html has no #root element');

const stores = createStores(createClient(chooseTransport(window)));
// The first requests (app info, the call list's first page) leave before React's first render,
// which takes a while on a cold start: the backend answers while the page is being drawn.
stores.startOnce();
const i18n = createI18n({ root: document.documentElement });

createRoot(container).render(
  <StrictMode>
    <Root i18n={i18n} stores={stores} />
  </StrictMode>,
);
