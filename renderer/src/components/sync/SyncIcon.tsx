export type SyncIconKind = 'online' | 'offline' | 'paused' | 'warning' | 'idle';

/** The indicator's shape: each state has its own, so the state never rests on colour alone. */
export function SyncIcon({ kind }: { kind: SyncIconKind }) {
  return (
    <svg className="sync-icon" viewBox="0 0 16 16" width="14" height="14" aria-hidden="true" focusable="false">
      {kind === 'warning' ? (
        <>
          <path d="M8 1.8 14.6 13.6H1.4Z" fill="none" stroke="currentColor" strokeWidth="1.5" strokeLinejoin="round" />
          <path d="M8 6v3.6M8 11.4v.4" stroke="currentColor" strokeWidth="1.6" strokeLinecap="round" />
        </>
      ) : (
        <>
          <circle cx="8" cy="8" r="6.3" fill="none" stroke="currentColor" strokeWidth="1.5" strokeDasharray={kind === 'idle' ? '2.4 1.8' : undefined} />
          {kind === 'online' && <path d="m5 8.2 2.1 2.1L11.2 6" fill="none" stroke="currentColor" strokeWidth="1.6" strokeLinecap="round" strokeLinejoin="round" />}
          {kind === 'offline' && <path d="m3.6 12.4 8.8-8.8" stroke="currentColor" strokeWidth="1.5" strokeLinecap="round" />}
          {kind === 'paused' && <path d="M6.2 5v6M9.8 5v6" stroke="currentColor" strokeWidth="1.6" strokeLinecap="round" />}
        </>
      )}
    </svg>
  );
}
