/**
 * Background work with one lifecycle (after Actual Budget's startServices/stopServices): the sync
 * loop, the backup schedule, the daily re-score and the integrity check are services, started
 * together once the store is open and stopped together, in reverse order, before it closes. No
 * timer is wired by hand in backend.ts, and a service that fails to start is logged, not fatal.
 */
export interface BackgroundService {
  readonly name: string;
  start(): void;
  stop(): void | Promise<void>;
}

export interface Services {
  readonly names: readonly string[];
  start(): void;
  stop(): Promise<void>;
}

export function createServices(services: readonly BackgroundService[], logError: (what: string, error: unknown) => void): Services {
  const started: BackgroundService[] = [];
  return {
    names: services.map((s) => s.name),
    start() {
      for (const service of services) {
        if (started.includes(service)) continue;
        try {
          service.start();
          started.push(service);
        } catch (error) {
          logError(`${service.name} (starting)`, error);
        }
      }
    },
    async stop() {
      for (const service of started.splice(0).reverse()) {
        try {
          await service.stop();
        } catch (error) {
          logError(`${service.name} (stopping)`, error);
        }
      }
    },
  };
}

/** A service that runs `job` now-ish and then every `everyMs`, never two at once; timers never hold the process open. */
export function periodicService(name: string, job: () => unknown, options: { firstDelayMs: number; everyMs: number }, logError: (what: string, error: unknown) => void): BackgroundService {
  let first: NodeJS.Timeout | null = null;
  let timer: NodeJS.Timeout | null = null;
  let running = false;
  let stopped = false;
  const run = async () => {
    if (running || stopped) return;
    running = true;
    try {
      await job();
    } catch (error) {
      logError(name, error);
    } finally {
      running = false;
    }
  };
  return {
    name,
    start() {
      stopped = false;
      first = setTimeout(() => void run(), options.firstDelayMs);
      first.unref();
      timer = setInterval(() => void run(), options.everyMs);
      timer.unref();
    },
    stop() {
      stopped = true;
      if (first) clearTimeout(first);
      if (timer) clearInterval(timer);
    },
  };
}
