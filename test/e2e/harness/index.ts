export { assertBuilt, startBrowserMode, type BrowserModeApp, type Exit, type StartOptions } from './browserMode';
export { chromiumPath, launchChromium, openApp, type OpenedApp } from './chromium';
export { portIsOpen } from './net';
export { plainText } from './plainText';
