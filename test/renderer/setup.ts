import '@testing-library/jest-dom/vitest';
import { cleanup, configure } from '@testing-library/react';
import { afterEach } from 'vitest';

// CI machines have 2 cores shared with other suites: give findBy/waitFor room before they fail.
configure({ asyncUtilTimeout: 5000 });

afterEach(() => cleanup());
