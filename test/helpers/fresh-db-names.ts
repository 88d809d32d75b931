import { Dexie } from 'dexie';
import { afterEach } from 'vitest';

/**
 * Unique IndexedDB names for one test file (fake-indexeddb), each database deleted after its test. Call once at the
 * top of the file; the returned function gives a new name per call.
 */
export const freshDbNames = (prefix: string): (() => string) => {
  let seq = 0;
  const names: string[] = [];
  afterEach(async () => {
    for (const name of names.splice(0)) await Dexie.delete(name);
  });
  return () => {
    const name = `${prefix}-${process.pid}-${++seq}`;
    names.push(name);
    return name;
  };
};
