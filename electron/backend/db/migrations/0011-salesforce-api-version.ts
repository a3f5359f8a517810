import type { Migration } from './types';

/**
 * Saved Salesforce settings move to the API version Koma is written and tested against (v67.0,
 * Summer '26: https://developer.salesforce.com/docs/atlas.en-us.api_rest.meta/api_rest/resources_versions.htm).
 * Only older versions move: an admin who chose a newer one keeps it.
 */
export const salesforceApiVersion: Migration = {
  name: '0011-salesforce-api-version',
  up(db) {
    db.prepare(
      `UPDATE settings SET value = json_set(value, '$.salesforce.apiVersion', 'v67.0')
       WHERE key = 'sync' AND json_valid(value)
         AND CAST(substr(json_extract(value, '$.salesforce.apiVersion'), 2) AS REAL) < 67`,
    ).run();
  },
};
