import type { Messages } from '../messages';

export const navJa = {
  nav: {
    label: '画面',
    calls: 'コール',
    handoffs: 'トスアップ',
    planner: '週間計画',
    dashboard: 'ダッシュボード',
    team: 'チーム',
    sync: '同期',
    settings: '設定',
    shortcut: 'Alt+{{key}}',
  },
} as const;

export const navEn: Messages<typeof navJa> = {
  nav: {
    label: 'Screens',
    calls: 'Calls',
    handoffs: 'Handoffs',
    planner: 'Week plan',
    dashboard: 'Dashboard',
    team: 'Team',
    sync: 'Sync',
    settings: 'Settings',
    shortcut: 'Alt+{{key}}',
  },
};
