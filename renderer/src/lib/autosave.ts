export interface Autosave<T> {
  /** Remembers the latest value and saves it once the typing pauses for the delay. */
  schedule(value: T): void;
  /** Saves a waiting value now; resolves once every save started so far has finished. */
  flush(): Promise<void>;
  /** Forgets a waiting value; resolves once a save already running has finished. */
  cancel(): Promise<void>;
  /** True while a value waits for its delay. */
  pending(): boolean;
}

/**
 * Debounced, strictly ordered saving: only the latest value is sent, saves never overlap (so an
 * older text can never land after a newer one), and flush/cancel let the caller wait for the
 * backend before it switches leads or logs a call. `save` reports its own failures; a rejection is
 * swallowed here so one failed save does not block the next.
 */
export function createAutosave<T>(save: (value: T) => Promise<void>, delayMs: number): Autosave<T> {
  let timer: ReturnType<typeof setTimeout> | undefined;
  let waiting: { value: T } | null = null;
  let running: Promise<void> = Promise.resolve();

  const run = (): Promise<void> => {
    clearTimeout(timer);
    timer = undefined;
    if (waiting) {
      const { value } = waiting;
      waiting = null;
      running = running.then(() => save(value)).catch(() => undefined);
    }
    return running;
  };

  return {
    schedule(value) {
      waiting = { value };
      clearTimeout(timer);
      timer = setTimeout(() => void run(), delayMs);
    },
    flush: run,
    cancel() {
      clearTimeout(timer);
      timer = undefined;
      waiting = null;
      return running;
    },
    pending: () => waiting !== null,
  };
}
