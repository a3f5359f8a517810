/** The database key tests encrypt their stores with: tests run the same encrypted path as the app. */
export const testDatabaseKey = '5f'.repeat(32);
