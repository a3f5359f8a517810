import type { i18n } from 'i18next';
import { I18nextProvider } from 'react-i18next';
import type { Stores } from '../stores/createStores';
import { StoresContext } from '../stores/StoresContext';
import { App } from './shell/App';

/** The app with its dependencies handed in: main.tsx passes the real ones, tests their fakes. */
export function Root({ i18n, stores }: { i18n: i18n; stores: Stores }) {
  return (
    <I18nextProvider i18n={i18n}>
      <StoresContext.Provider value={stores}>
        <App />
      </StoresContext.Provider>
    </I18nextProvider>
  );
}
