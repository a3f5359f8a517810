// Electron's main process, kept thin: lifecycle, the one window, the menu, and the backend's
// utility process with the MessagePorts that join it to the window. No SQL runs here: a blocked
// main process freezes every window.
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import {
  app,
  BrowserWindow,
  dialog,
  Menu,
  MessageChannelMain,
  protocol,
  safeStorage,
  session,
  shell,
  utilityProcess,
  type MenuItemConstructorOptions,
  type UtilityProcess,
} from 'electron';
import { backendPortChannel, isStatusMessage, toLaunchArgs, type BackendControlMessage } from './backend/transport/messagePort';
import { loadDatabaseKey } from './adapters/databaseKey';
import { appEntryUrl, appSchemeRegistration, createAppProtocolHandler, hardenApp, isAppUrl, isSafeExternalUrl, webPreferences } from './security';
import { openFollowupMailDownloads } from './mailDownloads';

// Bundled layout (scripts/build-node.mjs + vite): dist/electron/main.cjs beside preload.cjs,
// dist/backend/utility-process.cjs and dist/renderer/.
const preloadPath = path.join(__dirname, 'preload.cjs');
const backendEntry = path.join(__dirname, '../backend/utility-process.cjs');
const rendererRoot = path.join(__dirname, '../renderer');

/** A backend that dies this often this fast is broken, not unlucky: stop and say so. */
const maxRestarts = 3;
const restartWindowMs = 60_000;
const restartDelayMs = 500;
/** How long the backend gets to close the database at quit before it is killed. */
const shutdownTimeoutMs = 5_000;

function resourcesDir(): string {
  return app.isPackaged ? path.join(process.resourcesPath, 'resources') : path.join(app.getAppPath(), 'resources');
}

interface BackendSupervisor {
  /** Gives the window's main frame a fresh port into the backend. */
  connect(win: BrowserWindow): void;
  /** Asks the backend to close its database, then makes sure the process is gone. */
  shutdown(): Promise<void>;
}

function superviseBackend(onRestarted: () => void): BackendSupervisor {
  let child: UtilityProcess | null = null;
  let stopping = false;
  const recentRestarts: number[] = [];

  const send = (message: BackendControlMessage, ports: Electron.MessagePortMain[] = []) => child?.postMessage(message, ports);

  const fail = (message: string) => {
    stopping = true;
    child?.kill();
    dialog.showErrorBox('Koma cannot start', message);
    app.quit();
  };

  const spawn = () => {
    const launch = toLaunchArgs({ dataDir: app.getPath('userData'), resourcesDir: resourcesDir(), version: app.getVersion() });
    let unlocked: ReturnType<typeof loadDatabaseKey>;
    try {
      unlocked = loadDatabaseKey(safeStorage, app.getPath('userData'), process.platform);
    } catch (error) {
      fail(error instanceof Error ? error.message : String(error));
      return;
    }
    // The key travels in the child's environment only, never on its command line.
    const env = { ...process.env, KOMA_DATABASE_KEY: unlocked.key, KOMA_KEY_PROTECTION: unlocked.protection };
    const proc = utilityProcess.fork(backendEntry, launch, { serviceName: 'Koma backend', stdio: 'inherit', env });
    child = proc;
    proc.on('message', (message: unknown) => {
      if (!isStatusMessage(message)) return;
      if (message.type === 'fatal') fail(message.message);
      // Only https pages open from the backend's request (the CRM's sign-in page).
      else if (isSafeExternalUrl(message.url) && new URL(message.url).protocol === 'https:') void shell.openExternal(message.url);
    });
    proc.once('exit', (code) => {
      if (child === proc) child = null;
      if (stopping) return;
      const now = performance.now();
      recentRestarts.push(now);
      while (recentRestarts.length > 0 && now - (recentRestarts[0] ?? now) > restartWindowMs) recentRestarts.shift();
      if (recentRestarts.length > maxRestarts) {
        fail(`The Koma backend stopped ${recentRestarts.length} times in a row (last exit code ${code}). Your data is safe on disk; please restart Koma.`);
        return;
      }
      console.error(`[koma] backend exited with code ${code}; restarting`);
      setTimeout(() => {
        if (stopping) return;
        spawn();
        onRestarted();
      }, restartDelayMs);
    });
  };

  spawn();

  return {
    connect: (win) => {
      const frame = win.webContents.mainFrame;
      // The port is the renderer's whole reach into the backend: only our own page's main frame gets one.
      if (!child || win.isDestroyed() || frame.detached || !isAppUrl(frame.url)) return;
      const { port1, port2 } = new MessageChannelMain();
      send({ type: 'connect' }, [port1]);
      frame.postMessage(backendPortChannel, null, [port2]);
    },
    shutdown: () => {
      stopping = true;
      const proc = child;
      if (!proc) return Promise.resolve();
      return new Promise<void>((resolve) => {
        const timer = setTimeout(() => {
          proc.kill();
          resolve();
        }, shutdownTimeoutMs);
        proc.once('exit', () => {
          clearTimeout(timer);
          resolve();
        });
        send({ type: 'shutdown' });
      });
    },
  };
}

function applicationMenu(): Menu {
  const isMac = process.platform === 'darwin';
  const developerItems: MenuItemConstructorOptions[] = app.isPackaged
    ? []
    : [{ role: 'reload' }, { role: 'forceReload' }, { role: 'toggleDevTools' }, { type: 'separator' }];
  const template: MenuItemConstructorOptions[] = [
    ...(isMac ? [{ role: 'appMenu' } as const] : []),
    { role: 'fileMenu' },
    { role: 'editMenu' },
    {
      label: 'View',
      submenu: [...developerItems, { role: 'resetZoom' }, { role: 'zoomIn' }, { role: 'zoomOut' }, { type: 'separator' }, { role: 'togglefullscreen' }],
    },
    { role: 'windowMenu' },
  ];
  return Menu.buildFromTemplate(template);
}

function createWindow(backend: BackendSupervisor): BrowserWindow {
  const win = new BrowserWindow({
    width: 1280,
    height: 800,
    minWidth: 960,
    minHeight: 600,
    show: false,
    title: 'Koma',
    webPreferences: webPreferences(preloadPath),
  });
  win.once('ready-to-show', () => win.show());
  // A new page (first load or reload) has a new preload that needs its own port.
  win.webContents.on('did-finish-load', () => backend.connect(win));
  void win.loadURL(appEntryUrl);
  return win;
}

function main(): void {
  // Must happen before `ready`: privileges cannot be granted to a scheme afterwards.
  protocol.registerSchemesAsPrivileged([appSchemeRegistration]);

  if (!app.requestSingleInstanceLock()) {
    // Another Koma owns the database; the second-instance event below focuses its window.
    app.quit();
    return;
  }

  let mainWindow: BrowserWindow | null = null;
  let backend: BackendSupervisor | null = null;
  let backendStopped = false;

  const showWindow = () => {
    if (!backend) return;
    if (!mainWindow || mainWindow.isDestroyed()) {
      mainWindow = createWindow(backend);
      return;
    }
    if (mainWindow.isMinimized()) mainWindow.restore();
    mainWindow.show();
    mainWindow.focus();
  };

  app.on('second-instance', showWindow);
  app.on('activate', showWindow);
  app.on('window-all-closed', () => {
    if (process.platform !== 'darwin') app.quit();
  });
  app.on('before-quit', (event) => {
    if (backendStopped || !backend) return;
    event.preventDefault();
    void backend.shutdown().finally(() => {
      backendStopped = true;
      app.quit();
    });
  });

  app
    .whenReady()
    .then(() => {
      if (process.platform === 'win32') app.setAppUserModelId('jp.koma.app');
      hardenApp({ app, session, shell });
      openFollowupMailDownloads(session.defaultSession, shell, path.join(app.getPath('temp'), 'koma-mail'), (message) => console.warn(`[koma] ${message}`));
      protocol.handle(appSchemeRegistration.scheme, createAppProtocolHandler(rendererRoot, (file) => readFile(file)));
      Menu.setApplicationMenu(applicationMenu());
      backend = superviseBackend(() => {
        if (mainWindow && !mainWindow.isDestroyed()) backend?.connect(mainWindow);
      });
      showWindow();
    })
    .catch((error: unknown) => {
      console.error('[koma] start-up failed', error);
      dialog.showErrorBox('Koma cannot start', error instanceof Error ? error.message : String(error));
      app.exit(1);
    });
}

main();
