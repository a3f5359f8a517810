import type { AppInfo } from '../../../shared/contract/app';
import type { DialMode, Profile } from '../../../shared/contract/profile';

/**
 * What S does for this rep: their own choice, else the desktop app dials (a softphone is there to
 * take `tel:`) and browser mode only starts the timer — a browser without a softphone would show
 * an OS prompt that takes the keyboard out of the call loop.
 */
export function dialModeOf(profile: Profile | null, mode: AppInfo['mode'] | null): DialMode {
  return profile?.dialMode ?? (mode === 'electron' ? 'tel' : 'timer');
}
