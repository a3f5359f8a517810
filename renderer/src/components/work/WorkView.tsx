import { useEffect } from 'react';
import { useFollowupStore, useLeadSearchStore, useStores, useTalkStore, useWorkStore } from '../../stores/StoresContext';
import { FollowupDialog } from '../followup/FollowupDialog';
import { ObjectionDialog } from '../talk/ObjectionDialog';
import { CallList } from '../callList/CallList';
import { DoNotCallDialog } from './DoNotCallDialog';
import { ReadingsDialog } from './ReadingsDialog';
import { ExcludeDialog } from './ExcludeDialog';
import { HelpOverlay } from './HelpOverlay';
import { LeadPane } from './LeadPane';
import { LeadSearchDialog } from './LeadSearchDialog';
import { RecycleDialog } from './RecycleDialog';
import { SkipDialog } from './SkipDialog';
import { useWorkShortcuts } from './useWorkShortcuts';
import './work.css';

/**
 * The calls screen: today's queue on the left, the lead being worked on the right (header, prep
 * beside the call, the call log), driven from the keyboard. Nothing typed waits in memory when the
 * page goes away: autosaves are flushed on pagehide.
 */
export function WorkView() {
  const stores = useStores();
  const dialog = useWorkStore((state) => state.dialog);
  const searching = useLeadSearchStore((state) => state.open);
  const cardsOpen = useTalkStore((state) => state.cardsOpen);
  const leadId = useWorkStore((state) => state.detail?.lead.id ?? null);
  const followingUp = useFollowupStore((state) => state.target !== null);
  useWorkShortcuts();
  useEffect(() => {
    void stores.rules.getState().load();
    // What S does (dial or only time) is the rep's profile setting.
    if (!stores.profile.getState().profile) void stores.profile.getState().load();
    const flush = () => void stores.work.getState().flush();
    window.addEventListener('pagehide', flush);
    return () => {
      window.removeEventListener('pagehide', flush);
      flush();
    };
  }, [stores]);
  return (
    <div className="workspace">
      <CallList />
      <LeadPane />
      {dialog === 'help' && <HelpOverlay />}
      {dialog === 'skip' && <SkipDialog />}
      {dialog === 'recycle' && <RecycleDialog />}
      {dialog === 'exclude' && <ExcludeDialog />}
      {dialog === 'doNotCall' && <DoNotCallDialog />}
      {searching && <LeadSearchDialog />}
      {dialog === 'readings' && <ReadingsDialog />}
      {cardsOpen && leadId && <ObjectionDialog leadId={leadId} />}
      {followingUp && <FollowupDialog />}
    </div>
  );
}
