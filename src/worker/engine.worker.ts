/**
 * The engine worker: serves the API over Comlink, after clearing imports a closed tab left half-written; answers the
 * page's pings and tells it what other tabs changed (tab-sync.ts).
 */
import * as Comlink from 'comlink';
import { installSealing } from '../storage/crypto-workspace';
import { TarifaDb } from '../storage/db';
import { CHANGED, SYNC_CHANNEL } from './tab-sync';
import { answerPings, startWorkerApi } from './worker-start';

const page = self as unknown as Parameters<typeof answerPings>[0];
answerPings(page);
// Workspace encryption at rest sits below every repository (a no-op until the user sets a passphrase).
const db = new TarifaDb();
installSealing(db);
Comlink.expose(startWorkerApi({ db, appVersion: __APP_VERSION__ }, {
  channel: new BroadcastChannel(SYNC_CHANNEL),
  toPage: (change) => page.postMessage({ type: CHANGED, change }),
}));
