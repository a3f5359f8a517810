import { dialModeOf } from '../../stores/dialMode';
import { useAppStore, useProfileStore } from '../../stores/StoresContext';

/** What S does for this rep right now (see stores/dialMode.ts). */
export function useDialMode() {
  const profile = useProfileStore((state) => state.profile);
  const mode = useAppStore((state) => state.info?.mode ?? null);
  return dialModeOf(profile, mode);
}
