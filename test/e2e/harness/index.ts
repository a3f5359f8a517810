export { assertBuilt, startBrowserMode, type BrowserModeApp, type Exit, type StartOptions } from './browserMode';
export { useApp, useAppPerTest, type AppHookOptions, type AppUnderTest } from './appHooks';
export { chromiumPath, launchChromium, openApp, type OpenOptions, type OpenedApp } from './chromium';
export { portIsOpen } from './net';
export { plainText } from './plainText';
export { poll } from './poll';
export { findLeadWithF, focusedLeadName, leadPane, loadSampleData, loadSampleDataByClick, waitForAnotherLead } from './lead';
export { tabTo } from './keyboard';
