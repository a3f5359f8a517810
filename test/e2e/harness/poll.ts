import { expect } from 'vitest';

/** Waits on the app's state, however busy the machine: a generous ceiling, checked often. */
export const poll = <T>(read: () => T | Promise<T>) => expect.poll(read, { timeout: 15_000, interval: 50 });
