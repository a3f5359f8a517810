import { useEffect } from 'react';
import { useDuplicatesStore, useImportStore, usePhoneCallsStore, useStores } from '../../stores/StoresContext';
import { DuplicatesDialog } from '../duplicates/DuplicatesDialog';
import { ImportDialog } from '../importDialog/ImportDialog';
import { PhoneCallsDialog } from '../phoneCalls/PhoneCallsDialog';
import { AppHeader } from './AppHeader';
import { MainContent } from './MainContent';

export function App() {
  const stores = useStores();
  const importOpen = useImportStore((state) => state.open);
  const duplicatesOpen = useDuplicatesStore((state) => state.open);
  const phoneCallsOpen = usePhoneCallsStore((state) => state.open);
  const dialogOpen = importOpen || duplicatesOpen || phoneCallsOpen;
  useEffect(() => {
    // main.tsx has usually asked already, before the first render; tests render the app alone.
    stores.startOnce();
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
      {importOpen && <ImportDialog />}
      {duplicatesOpen && <DuplicatesDialog />}
      {phoneCallsOpen && <PhoneCallsDialog />}
    </>
  );
}
