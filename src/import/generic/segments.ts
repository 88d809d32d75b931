/**
 * SMS segments of a message body, as carriers count them:
 * GSM-7 when every character is in the GSM 03.38 basic or extension table (extension characters take 2 septets):
 * one segment up to 160 septets, else 153 per part; otherwise UCS-2: one segment up to 70 UTF-16 units, else 67 per
 * part. (Carriers do not split an escape pair across parts; that edge is ignored here.)
 */

const BASIC_NON_ASCII = '£¥èéùìòÇØøÅåΔΦΓΛΩΠΨΣΘΞÆæßÉ¤¡ÄÖÑÜ§¿äöñüà';
const EXTENSION = '\f^{}\\[~]|€';
/** ASCII characters that are not in the basic table ('`' is in no table). */
const ASCII_NOT_BASIC = '`^{}\\[~]|';

/** Septets per character: 1 basic, 2 extension, 0 not GSM. */
const septets = new Map<number, number>();
for (let c = 32; c < 127; c++) if (!ASCII_NOT_BASIC.includes(String.fromCharCode(c))) septets.set(c, 1);
septets.set(10, 1);
septets.set(13, 1);
for (const ch of BASIC_NON_ASCII) septets.set(ch.charCodeAt(0), 1);
for (const ch of EXTENSION) septets.set(ch.charCodeAt(0), 2);

/** GSM-7 septet count of `body`, or -1 when a character needs UCS-2. */
export const gsmSeptets = (body: string): number => {
  let n = 0;
  for (let i = 0; i < body.length; i++) {
    const s = septets.get(body.charCodeAt(i));
    if (s === undefined) return -1;
    n += s;
  }
  return n;
};

/** Segments needed to send `body` (0 for an empty body). */
export const countSegments = (body: string): number => {
  if (body.length === 0) return 0;
  const gsm = gsmSeptets(body);
  if (gsm >= 0) return gsm <= 160 ? 1 : Math.ceil(gsm / 153);
  return body.length <= 70 ? 1 : Math.ceil(body.length / 67);
};
