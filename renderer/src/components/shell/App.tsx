import { useEffect } from 'react';
import { useImportStore, useStores } from '../../stores/StoresContext';
import { ImportDialog } from '../importDialog/ImportDialog';
import { AppHeader } from './AppHeader';
import { MainContent } from './MainContent';

export function App() {
  const stores = useStores();
  const dialogOpen = useImportStore((state) => state.open);
  useEffect(() => {
    stores.start();
  }, [stores]);
  return (
    <>
      {/* inert keeps clicks, Tab and screen readers inside the modal while it is open. */}
      <div className="app-shell" inert={dialogOpen}>
        <AppHeader />
        <main className="app-main">
          <MainContent />
        </main>
      </div>
      {dialogOpen && <ImportDialog />}
    </>
  );
}
