import { backupsEn } from './features/backups';
import { handoffsEn } from './features/handoffs';
import { hearingEn } from './features/hearing';
import { navEn } from './features/nav';
import { plannerEn } from './features/planner';
import { dashboardEn } from './features/dashboard';
import { syncEn } from './features/sync';
import { hubspotSyncEn } from './features/hubspotSync';
import { kintoneSyncEn } from './features/kintoneSync';
import { rowReasonsEn } from './features/rowReasons';
import { callListRowsEn } from './features/callListRows';
import { headerSlotEn } from './features/headerSlot';
import { dialogsEn } from './features/dialogs';
import { defaultDataEn } from './features/defaultData';
import { ruleUnitsEn } from './features/ruleUnits';
import { bantContentEn } from './features/bantContent';
import { textJoinEn } from './features/textJoin';
import { readingsEn } from './features/readings';
import { workEn } from './features/work';
import { callLoopEn } from './features/callLoop';
import { talkEn } from './features/talk';
import { followupEn } from './features/followup';
import { calendarEn } from './features/calendar';
import { referenceEn } from './features/reference';
import { phoneCallsEn } from './features/phoneCalls';
import type { KomaMessages } from './ja';
import { teamEn } from './features/team';

/** English. Typed against the Japanese resources, so a missing or extra key fails the type check. */
export const en: KomaMessages = {
  ...navEn,
  ...teamEn,
  ...backupsEn,
  ...hearingEn,
  ...handoffsEn,
  ...rowReasonsEn,
  ...readingsEn,
  ...workEn,
  ...callListRowsEn,
  ...headerSlotEn,
  ...dialogsEn,
  ...defaultDataEn,
  ...ruleUnitsEn,
  ...bantContentEn,
  ...textJoinEn,
  ...plannerEn,
  ...dashboardEn,
  ...syncEn,
  ...hubspotSyncEn,
  ...kintoneSyncEn,
  ...callLoopEn,
  ...talkEn,
  ...followupEn,
  ...calendarEn,
  ...referenceEn,
  ...phoneCallsEn,
  app: {
    name: 'Koma',
    loading: 'Loading…',
  },
  header: {
    leadCount_one: '{{count, number}} lead',
    leadCount_other: '{{count, number}} leads',
    importCsv: 'Import CSV',
    language: 'Language',
  },
  languages: {
    ja: '日本語',
    en: 'English',
  },
  empty: {
    title: 'Your call list is empty',
    body: 'Try Koma with sample data, or import a lead list from your CRM or an event as CSV.',
    loadSample: 'Load sample data',
    importCsv: 'Import CSV',
  },
  callList: {
    title: 'Call list',
    searchLabel: 'Search company, person or phone',
    count_one: '{{count, number}} lead',
    count_other: '{{count, number}} leads',
    counting: 'Counting leads…',
    noMatches: 'No leads match.',
    loadingRow: 'Loading',
    columns: {
      company: 'Company',
      person: 'Name',
      title: 'Title',
      source: 'Lead source',
      status: 'Status',
      score: 'Score',
    },
  },
  source: {
    web_inquiry: 'Web inquiry',
    seminar: 'Seminar',
    exhibition: 'Exhibition',
    content_download: 'Content download',
    outbound_list: 'Outbound list',
    referral: 'Referral',
    other: 'Other',
  },
  status: {
    new: 'New',
    working: 'Working',
    callback: 'Call back',
    recycled: 'Recycled',
    excluded: 'Excluded',
    qualified: 'Qualified',
  },
  field: {
    companyName: 'Company',
    companyReading: 'Company (reading)',
    corporateNumber: 'Corporate number (法人番号)',
    companyPhone: 'Main phone (代表電話)',
    lastNameReading: 'Last name (reading)',
    firstNameReading: 'First name (reading)',
    nameReading: 'Full name (reading)',
    lastName: 'Last name',
    firstName: 'First name',
    fullName: 'Full name',
    phone: 'Phone',
    email: 'Email',
    title: 'Title',
    department: 'Department',
    industry: 'Industry',
    employees: 'Employees',
    source: 'Lead source',
    website: 'Website',
    address: 'Address',
    notes: 'Notes (description)',
  },
  encoding: {
    'utf-8': 'UTF-8',
    'utf-8-bom': 'UTF-8 (with BOM)',
    shift_jis: 'Shift_JIS',
  },
  importDialog: {
    title: 'Import leads from CSV',
    sampleTitle: 'Load sample data',
    close: 'Close',
    fileLabel: 'CSV file (UTF-8 or Shift_JIS)',
    fileHint: 'The first line must be the header. Leads with the same phone or email are updated, not duplicated.',
    reading: 'Reading the file…',
    encoding: 'Encoding',
    rowCount: 'Rows',
    rows_one: '{{count, number}} row',
    rows_other: '{{count, number}} rows',
    sampleHeading: 'Preview of the first {{count, number}} rows',
    mappingHeading: 'Column mapping',
    mappingHint: 'Choose the CSV column for each field.',
    notInFile: '(not in file)',
    chooseAnother: 'Choose another file',
    start: 'Import',
    progressLabel: 'Import progress',
    progress: '{{processed, number}} / {{total, number}} rows',
    phase: {
      decoding: 'Detecting the encoding…',
      parsing: 'Parsing the CSV…',
      writing: 'Writing leads…',
      done: 'Done',
      failed: 'Failed',
    },
    backgroundHint: 'You can close this dialog; the import carries on.',
    doneHeading: 'Import finished',
    inserted: 'Added',
    skipped: 'Blank rows (skipped)',
    totalRows: 'Data rows',
    warningsHeading: 'Rows to check',
    warningCell: 'Row {{row, number}}, column {{column, number}}',
    possibleDuplicates: 'Possible duplicates: {{count, number}} pairs (review them under "Duplicates")',
    updated: 'Updated',
    invalid: 'Not imported',
    invalidHeading: 'Rows not imported',
    invalidCapped: 'Showing the first {{shown, number}} of {{total, number}}. Save the report to see them all.',
    rowNumber: 'Row',
    reasons: 'Reasons',
    saveReport: 'Save report',
    reportFileSuffix: 'import-errors',
    finish: 'Done',
  },
  report: {
    row: 'Row',
    reasons: 'Reasons',
    column: 'Column {{number}}',
  },
  problems: {
    invalid_input: { title: 'Some input is not valid', action: 'Check it and try again.' },
    unknown_command: { title: 'This action is not supported yet', action: 'Update Koma to the latest version.' },
    not_found: { title: 'It was not found', action: 'Reload the list and try again.' },
    conflict: { title: 'This clashed with another change', action: 'Reload to get the latest data and try again.' },
    unauthorized: { title: 'This page cannot connect to Koma', action: 'Restart Koma and continue in the page it opens.' },
    internal: { title: 'Something went wrong', action: 'Try again. If it keeps happening, check the log.' },
    disk_full: { title: 'The disk is full', action: 'Free some space and try again. Everything you saved before is safe.' },
    store_busy: { title: 'Koma’s data is busy with another task', action: 'Try again in a moment. Everything you saved before is safe.' },
    store_io: { title: 'Koma could not read or write its data file', action: 'Check the disk (and that the folder is not read-only), then try again. Everything you saved before is safe.' },
    store_damaged: { title: 'Koma’s data file is damaged', action: 'Restart Koma: it restores your data from the newest backup and tells you what it could not restore.' },
    key_refused: { title: 'Koma’s data cannot be unlocked', action: 'The key store was reset or this file belongs to another key. Nothing was changed.' },
    backend_unreachable: { title: 'Cannot connect to Koma. Please restart Koma', action: 'When it has restarted, press Retry. What you typed is still on this screen.' },
    file_too_large: { title: 'The file is too large', action: 'Split it into CSV files of at most {{limit}} MB and import them one by one.' },
    file_unreadable: { title: 'The file could not be read', action: 'Make sure no other app has it locked, then choose it again.' },
    import_failed: { title: 'The import failed', action: 'Check the file and try again.' },
    details: 'Details',
  },
};
