import type { Migration } from './types';

/**
 * The call list pages by key (a range walk of `leads_queue`); only a jump to a position with no
 * neighbouring page known counts rows to it. This index holds the queue order and the source, so
 * that count reads index pages alone, with or without a call block's source filter.
 */
export const queueSeek: Migration = {
  name: '0008-queue-seek',
  up(db) {
    db.exec('CREATE INDEX leads_queue_seek ON leads(queue_bucket, queue_sort, id, source) WHERE queue_bucket > 0;');
  },
};
