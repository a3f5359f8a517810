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
const i18n = createI18n({ root: document.documentElement });

createRoot(container).render(
  <StrictMode>
    <Root i18n={i18n} stores={stores} />
  </StrictMode>,
);
