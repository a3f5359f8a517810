import { initial } from './0001-initial';
import type { Migration } from './types';

/** In order; a migration's position is its schema version. Append only. */
export const migrations: readonly Migration[] = [initial];
