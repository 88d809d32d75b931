/**
 * The engine worker: serves the API over Comlink, after clearing imports a closed tab left half-written; answers the
 * page's pings and tells it what other tabs changed (tab-sync.ts).
 */
import * as Comlink from 'comlink';
import { TarifaDb } from '../storage/db';
import { CHANGED, SYNC_CHANNEL } from './tab-sync';
import { answerPings, startWorkerApi } from './worker-start';

const page = self as unknown as Parameters<typeof answerPings>[0];
answerPings(page);
Comlink.expose(startWorkerApi({ db: new TarifaDb(), appVersion: __APP_VERSION__ }, {
  channel: new BroadcastChannel(SYNC_CHANNEL),
  toPage: (change) => page.postMessage({ type: CHANGED, change }),
}));
