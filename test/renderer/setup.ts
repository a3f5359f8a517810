import '@testing-library/jest-dom/vitest';
import { cleanup, configure } from '@testing-library/react';
import { afterEach } from 'vitest';

// CI machines have 2 cores shared with other suites: findBy/waitFor wait on state, and the
// ceiling only decides how long a failing test takes to say so.
configure({ asyncUtilTimeout: 30_000 });

afterEach(() => cleanup());
