import { describe, expect, it, vi } from 'vitest';
import { defaultQueueRules } from '../../shared/contract/queueRules';
import { defaultScoringRules } from '../../shared/contract/scoringRules';
import { createAutosave } from '../../renderer/src/lib/autosave';
import { buildLogCall, emptyCallForm } from '../../renderer/src/lib/callForm';
import { externalWebsite, telHref } from '../../renderer/src/lib/links';
import { fromDateInput, fromDateTimeInput, toDateInput, toDateTimeInput } from '../../renderer/src/lib/localTime';
import { issuesAt, queueRulesForm, queueRulesFromForm, scoringRulesForm, scoringRulesFromForm, splitKeywords } from '../../renderer/src/components/settings/rulesForm';

describe('telHref', () => {
  it.each([
    ['03-1234-5678', 'tel:0312345678'],
    ['０３－１２３４－５６７８', 'tel:0312345678'],
    ['+81 3 1234 5678', 'tel:+81312345678'],
    ['(045) 000-1675 内線12', 'tel:045000167512'],
    ['12345', null],
    ['', null],
    [null, null],
  ])('%j → %j', (phone, href) => {
    expect(telHref(phone)).toBe(href);
  });
});

describe('externalWebsite', () => {
  it.each([
    ['https://example.co.jp/about', 'https://example.co.jp/about'],
    ['http://example.co.jp', 'http://example.co.jp/'],
    [' https://example.co.jp ', 'https://example.co.jp/'],
    ['javascript:alert(1)', null],
    ['JAVASCRIPT:alert(1)', null],
    ['file:///C:/secret.txt', null],
    ['data:text/html,<script>1</script>', null],
    ['https://user:pass@example.co.jp', null],
    ['www.example.co.jp', null],
    ['', null],
    [null, null],
  ])('%j → %j', (url, expected) => {
    expect(externalWebsite(url)).toBe(expected);
  });
});

describe('buildLogCall', () => {
  const end = new Date('2025-04-07T01:05:00.000Z');
  it.each([
    ['no outcome', {}, { kind: 'none' } as const, 'outcome_required'],
    ['exclude without a reason', { outcome: 'connected' as const }, { kind: 'exclude', reason: null } as const, 'exclude_reason_required'],
    ['recycle without a date', { outcome: 'connected' as const }, { kind: 'recycle', reason: 'timing', until: null } as const, 'recycle_date_required'],
  ])('refuses %s', (_name, form, decision, error) => {
    expect(buildLogCall('lead-1', { ...emptyCallForm, ...form }, decision, end)).toEqual({ ok: false, error });
  });

  it('starts an unstarted call when it ends, and sends the callback time only with a callback', () => {
    const form = { ...emptyCallForm, outcome: 'no_answer' as const, callbackAt: '2025-04-08T05:00:00.000Z' };
    const built = buildLogCall('lead-1', form, { kind: 'none' }, end);
    expect(built).toEqual({ ok: true, input: expect.objectContaining({ startedAt: end.toISOString(), endedAt: end.toISOString(), callbackAt: null, decision: null }) });
    const callback = buildLogCall('lead-1', { ...form, outcome: 'callback_requested', startedAt: '2025-04-07T01:00:00.000Z' }, { kind: 'none' }, end);
    expect(callback).toEqual({ ok: true, input: expect.objectContaining({ startedAt: '2025-04-07T01:00:00.000Z', callbackAt: '2025-04-08T05:00:00.000Z' }) });
  });

  it.each([
    ['not timed, length typed', null, 12, 720],
    ['not timed, length left empty: unknown', null, null, null],
    ['timed in Koma: the timer wins over a typed length', '2025-04-07T01:00:00.000Z', 12, null],
  ])('sends the call length only for a call Koma did not time: %s', (_case, startedAt, durationMin, durationSec) => {
    const built = buildLogCall('lead-1', { ...emptyCallForm, outcome: 'connected', startedAt, durationMin }, { kind: 'none' }, end);
    expect(built).toEqual({ ok: true, input: expect.objectContaining({ durationSec }) });
  });
});

describe('createAutosave', () => {
  it('sends only the latest value, never two saves at once, and flush waits for them', async () => {
    vi.useFakeTimers();
    try {
      const sent: string[] = [];
      let running = 0;
      let overlapped = false;
      const save = async (value: string) => {
        running++;
        overlapped ||= running > 1;
        await Promise.resolve();
        sent.push(value);
        running--;
      };
      const autosave = createAutosave(save, 400);
      autosave.schedule('a');
      autosave.schedule('ab');
      await vi.advanceTimersByTimeAsync(399);
      expect(sent).toEqual([]);
      await vi.advanceTimersByTimeAsync(1);
      autosave.schedule('abc');
      await autosave.flush();
      expect(sent).toEqual(['ab', 'abc']);
      expect(overlapped).toBe(false);

      autosave.schedule('abcd');
      expect(autosave.pending()).toBe(true);
      await autosave.cancel();
      await vi.advanceTimersByTimeAsync(1000);
      expect(sent).toEqual(['ab', 'abc']);
    } finally {
      vi.useRealTimers();
    }
  });

  it('goes on saving after a save failed', async () => {
    const save = vi.fn<(value: string) => Promise<void>>().mockRejectedValueOnce(new Error('disk full')).mockResolvedValue(undefined);
    const autosave = createAutosave(save, 10);
    autosave.schedule('one');
    await autosave.flush();
    autosave.schedule('two');
    await autosave.flush();
    expect(save.mock.calls.map(([value]) => value)).toEqual(['one', 'two']);
  });
});

describe('date inputs in local time', () => {
  it('round-trips an instant through datetime-local and keeps the hour when only the day changes', () => {
    const iso = new Date(2025, 3, 7, 14, 30).toISOString();
    expect(toDateTimeInput(iso)).toBe('2025-04-07T14:30');
    expect(fromDateTimeInput('2025-04-07T14:30')).toBe(iso);
    expect(fromDateTimeInput('2025-04-07T')).toBeNull();
    expect(toDateInput(iso)).toBe('2025-04-07');
    expect(fromDateInput('2025-07-06', iso)).toBe(new Date(2025, 6, 6, 14, 30).toISOString());
    expect(fromDateInput('', iso)).toBeNull();
    expect(toDateTimeInput(null)).toBe('');
  });
});

describe('rules forms', () => {
  it('give back the stored rules unchanged when nothing was edited', () => {
    expect(queueRulesFromForm(queueRulesForm(defaultQueueRules))).toEqual(defaultQueueRules);
    expect(scoringRulesFromForm(scoringRulesForm(defaultScoringRules))).toEqual(defaultScoringRules);
  });

  it('send a blank number as not-a-number for the backend to refuse, and a blank speed-to-lead as none', () => {
    const form = { ...queueRulesForm(defaultQueueRules), maxAttempts: ' ' };
    form.speedToLead = { ...form.speedToLead, seminar: { amount: '', unit: 'days' } };
    const rules = queueRulesFromForm(form);
    expect(rules.maxAttempts).toBeNaN();
    expect(rules.speedToLeadMinutes.seminar).toBeNull();
  });

  it('show durations in the unit people think in and save them as minutes', () => {
    const form = queueRulesForm(defaultQueueRules);
    expect(form.cooldown.connected).toEqual({ amount: '1', unit: 'days' });
    expect(form.cooldown.no_answer).toEqual({ amount: '2', unit: 'hours' });
    expect(form.cooldown.busy).toEqual({ amount: '30', unit: 'minutes' });
    expect(form.speedToLead.seminar).toEqual({ amount: '2', unit: 'days' });
    form.cooldown = { ...form.cooldown, voicemail: { amount: '3', unit: 'hours' } };
    form.skip = { amount: '1.5', unit: 'hours' };
    const rules = queueRulesFromForm(form);
    expect(rules.cooldownMinutes.voicemail).toBe(180);
    expect(rules.skipMinutes).toBe(90);
  });

  it.each([
    ['部長, 課長', ['部長', '課長']],
    ['部長、課長，マネージャー', ['部長', '課長', 'マネージャー']],
    [' , ,CEO ,', ['CEO']],
  ])('split keywords %j', (line, keywords) => {
    expect(splitKeywords(line)).toEqual(keywords);
  });

  it('find the backend’s messages for a field and for what is inside it', () => {
    const issues = [
      { path: 'rules.cooldownMinutes.busy', message: 'too small' },
      { path: 'rules.cooldownMinutesX', message: 'other field' },
      { path: 'rules.hotScore', message: 'too big' },
    ];
    expect(issuesAt(issues, 'cooldownMinutes')).toEqual(['too small']);
    expect(issuesAt(issues, 'hotScore')).toEqual(['too big']);
    expect(issuesAt(issues, 'staleDays')).toEqual([]);
  });
});
