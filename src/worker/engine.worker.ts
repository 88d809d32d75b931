/** The engine worker: serves the API over Comlink, after clearing imports a closed tab left half-written. */
import * as Comlink from 'comlink';
import { TarifaDb } from '../storage/db';
import { startWorkerApi } from './worker-start';

Comlink.expose(startWorkerApi({ db: new TarifaDb() }));
