import { act, fireEvent, render, screen, within } from '@testing-library/react';
import { describe, expect, it, vi } from 'vitest';
import { createClient } from '../../renderer/src/api/client';
import { createHttpSend } from '../../renderer/src/api/httpTransport';
import { Root } from '../../renderer/src/components/Root';
import { createI18n } from '../../renderer/src/i18n/createI18n';
import { createStores } from '../../renderer/src/stores/createStores';
import { appInfo, deferred, leadRow } from './fakeApi';

const answer = (body: unknown) => new Response(JSON.stringify(body), { status: 200, headers: { 'Content-Type': 'application/json' } });
const json = (value: unknown) => answer({ ok: true, value });

/**
 * Browser mode's real HTTP transport over a fetch that answers like the backend, except that the
 * answer to "sa" is held back and then delivered late even though its request was aborted — a
 * transport that cannot cancel (Electron's port) answers just the same.
 */
function slowStaleBackend() {
  const stale = deferred<Response>();
  const signals = new Map<string, AbortSignal | undefined>();
  const searches: string[] = [];
  const fetch = vi.fn<typeof globalThis.fetch>(async (url, init) => {
    const command = String(url).replace('/api/', '');
    const input = JSON.parse(String(init?.body)) as { search?: string };
    if (command === 'app.info') return json(appInfo(250));
    // What the dispatcher answers for a command this test does not serve (as fakeApi's preload does).
    if (command !== 'callList.page') return answer({ ok: false, error: { code: 'unknown_command', message: `Unknown command "${command}"` } });
    const search = input.search ?? '';
    searches.push(search);
    signals.set(search, init?.signal ?? undefined);
    if (search === 'sa') return stale.promise;
    const rows = search === 'sato' ? [leadRow(7, { fullName: 'Sato Fresh' })] : Array.from({ length: 100 }, (_, i) => leadRow(i));
    return json({ total: search === 'sato' ? 1 : 250, offset: 0, rows });
  });
  return { fetch, stale, signals, searches };
}

describe('a superseded search', () => {
  it('is aborted in flight, and its slow answer is never drawn', async () => {
    const backend = slowStaleBackend();
    const stores = createStores(createClient(createHttpSend({ fetch: backend.fetch, token: () => 'token' })), { searchDebounceMs: 10 });
    render(<Root i18n={createI18n({ language: 'en' })} stores={stores} />);
    expect(await screen.findByText('250 leads')).toBeInTheDocument();
    // Anything ever drawn from the stale answer, even for one frame, is caught here.
    const drawn: string[] = [];
    const observer = new MutationObserver(() => {
      if (document.body.textContent?.includes('Stale Sa')) drawn.push('Stale Sa');
    });
    observer.observe(document.body, { childList: true, subtree: true, characterData: true });

    const box = screen.getByRole('searchbox', { name: 'Search company, person or phone' });
    fireEvent.change(box, { target: { value: 'sa' } });
    await vi.waitFor(() => expect(backend.searches).toContain('sa'));
    expect(backend.signals.get('sa')?.aborted).toBe(false);

    // The rep types on while "sa" is still on its way: its request is cancelled at the keystroke.
    fireEvent.change(box, { target: { value: 'sato' } });
    expect(backend.signals.get('sa')?.aborted).toBe(true);
    expect(await screen.findByText('1 lead')).toBeInTheDocument();
    const table = screen.getByRole('table', { name: 'Call list' });
    expect(within(table).getByRole('cell', { name: 'Sato Fresh' })).toBeInTheDocument();

    // The stale answer arrives last, slowly: it changes nothing.
    await act(async () => {
      backend.stale.resolve(json({ total: 99, offset: 0, rows: [leadRow(1, { fullName: 'Stale Sa' })] }));
      await backend.stale.promise;
    });
    expect(screen.getByText('1 lead')).toBeInTheDocument();
    expect(within(table).getByRole('cell', { name: 'Sato Fresh' })).toBeInTheDocument();
    expect(screen.queryByText('Stale Sa')).not.toBeInTheDocument();
    observer.disconnect();
    expect(drawn).toEqual([]);
    // No problem shown for the cancelled request: cancelling is not a failure.
    expect(screen.queryByRole('alert')).not.toBeInTheDocument();
  });
});
