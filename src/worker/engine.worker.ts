/** The engine worker: clears imports a closed tab left half-written, then serves the API over Comlink. */
import * as Comlink from 'comlink';
import { discardUnfinished } from '../storage/datasets-repo';
import { TarifaDb } from '../storage/db';
import { createApi } from './api';
import { lockedImports } from './import-lock';

const db = new TarifaDb();

// Runs before the API is exposed, so no listing ever sees a half dataset; imports still running in another tab
// (their Web Lock is held) are left alone.
const ready = lockedImports()
  .then((running) => discardUnfinished(db, running))
  .catch(() => undefined);

const api = createApi({ db });
const gated = Object.fromEntries(
  Object.entries(api).map(([name, fn]) => [name, async (...args: unknown[]) => {
    await ready;
    return (fn as (...a: unknown[]) => unknown)(...args);
  }]),
) as typeof api;

Comlink.expose(gated);
