import { callOutcomes } from '../../../../shared/contract/calls';

/** Keys of the help overlay's descriptions (work.help.keys.*). */
export type ShortcutAction =
  | 'next'
  | 'listMove'
  | 'listOpen'
  | 'search'
  | 'findAny'
  | 'list'
  | 'start'
  | 'notes'
  | 'prepNotes'
  | 'hearing'
  | 'bantSections'
  | 'recycle'
  | 'exclude'
  | 'save'
  | 'skip'
  | 'script'
  | 'objections'
  | 'followup'
  | 'escape'
  | 'help';

/** The workspace's single keys, in the order the help lists them (outcomes and screens are added there). */
export const workShortcuts: readonly { keys: readonly string[]; action: ShortcutAction }[] = [
  { keys: ['N'], action: 'next' },
  { keys: ['↑', '↓'], action: 'listMove' },
  { keys: ['Enter'], action: 'listOpen' },
  { keys: ['/'], action: 'search' },
  { keys: ['F'], action: 'findAny' },
  { keys: ['L'], action: 'list' },
  { keys: ['S'], action: 'start' },
  { keys: ['M'], action: 'notes' },
  { keys: ['P'], action: 'prepNotes' },
  { keys: ['B'], action: 'hearing' },
  { keys: ['A', 'E', 'T'], action: 'bantSections' },
  { keys: ['R'], action: 'recycle' },
  { keys: ['X'], action: 'exclude' },
  { keys: ['Ctrl', 'Enter'], action: 'save' },
  { keys: ['K'], action: 'skip' },
  { keys: ['G'], action: 'script' },
  { keys: ['O'], action: 'objections' },
  { keys: ['W'], action: 'followup' },
  { keys: ['Esc'], action: 'escape' },
  { keys: ['?'], action: 'help' },
];

/** The digit that picks each outcome: 1 connected … 8 not interested. */
export function outcomeKey(outcome: (typeof callOutcomes)[number]): string {
  return String(callOutcomes.indexOf(outcome) + 1);
}

export function outcomeForKey(key: string) {
  const index = Number(key) - 1;
  return Number.isInteger(index) ? callOutcomes[index] : undefined;
}
