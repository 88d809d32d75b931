/** Dictionary-level classification, done once per query (never per event). */
import type { Dictionaries } from '../events';
import { KIND_CLASSES, type KindClass } from './types';

const KIND_OF: Record<string, KindClass> = {
  message: 'message', whatsapp: 'message', chat: 'message',
  sms: 'sms', mms: 'sms',
  call: 'call', voice: 'call',
  video: 'video',
  email: 'email', 'e-mail': 'email',
  bot: 'bot', session: 'bot',
  conversation: 'conversation',
};

/** Class index (into KIND_CLASSES) of every `kind` code. */
export const kindClasses = (dicts: Dictionaries): Uint8Array => {
  const out = new Uint8Array(dicts.kind.length);
  dicts.kind.forEach((k, code) => { out[code] = KIND_CLASSES.indexOf(KIND_OF[k.toLowerCase()] ?? 'other'); });
  return out;
};

/** 1 inbound, 2 outbound, 0 neither, per `direction` code. */
export const directionClasses = (dicts: Dictionaries): Uint8Array => {
  const out = new Uint8Array(dicts.direction.length);
  dicts.direction.forEach((d, code) => { out[code] = d === 'inbound' ? 1 : d === 'outbound' ? 2 : 0; });
  return out;
};

export const KIND = Object.fromEntries(KIND_CLASSES.map((k, i) => [k, i])) as Record<KindClass, number>;
