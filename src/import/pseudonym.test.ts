import { createHmac } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { phoneCountry } from './phone/phone-country';
import { contactIdentity, createPseudonymiser, randomPseudonymKey } from './pseudonym';

const key = Uint8Array.from({ length: 32 }, (_, i) => i + 1);

describe('contactIdentity', () => {
  it('compacts phone notations, keeps + and a lower-cased scheme, lower-cases e-mails', () => {
    for (const v of ['+55 11 98765-0001', '+5511987650001', '(+55) 11.98765.0001', ' +55 (11) 98765 0001 ']) {
      expect(contactIdentity(v)).toBe('+5511987650001');
    }
    expect(contactIdentity('5511987650001')).toBe('5511987650001');
    expect(contactIdentity('WhatsApp:+55 21 99888-7777')).toBe('whatsapp:+5521998887777');
    expect(contactIdentity('Joana.Silva@Example.COM')).toBe('joana.silva@example.com');
    expect(contactIdentity('User-7731')).toBe('User-7731');
    expect(contactIdentity('1+2')).toBe('1+2');
  });

  it('notations with one identity read as one country', () => {
    expect(phoneCountry('(+55) 11.98765.0001')).toBe('BR');
    expect(phoneCountry('+1 (809) 555-0142')).toBe('DO');
    expect(phoneCountry('whatsapp:+44 20 7183 8750')).toBe('GB');
  });
});

describe('createPseudonymiser', () => {
  it('is c_ + base64url of the first 16 bytes of HMAC-SHA256(key, identity)', () => {
    const mac = createHmac('sha256', key).update('+5511987650001').digest().subarray(0, 16);
    const expected = `c_${mac.toString('base64url')}`;
    const p = createPseudonymiser(key);
    expect(p('+5511987650001')).toBe(expected);
    expect(p('+55 11 98765-0001')).toBe(expected);
    expect(expected).toMatch(/^c_[A-Za-z0-9_-]{22}$/);
    const mail = createHmac('sha256', key).update('joana@example.com').digest().subarray(0, 16).toString('base64url');
    expect(p('Joana@Example.com')).toBe(`c_${mail}`);
    const utf8 = createHmac('sha256', key).update('São Paulo ☎', 'utf8').digest().subarray(0, 16).toString('base64url');
    expect(p('São Paulo ☎')).toBe(`c_${utf8}`);
  });

  it('equal under one key, different under another; the state is reused safely call after call', () => {
    const a = createPseudonymiser(key);
    const b = createPseudonymiser(randomPseudonymKey());
    const first = a('+5511987650001');
    expect(a('+5521998887777')).not.toBe(first);
    expect(a('+5511987650001')).toBe(first);
    expect(createPseudonymiser(key)('+5511987650001')).toBe(first);
    expect(b('+5511987650001')).not.toBe(first);
  });

  it('refuses a key that is not 32 bytes', () => {
    expect(() => createPseudonymiser(new Uint8Array(16))).toThrow(/32 bytes/);
    expect(randomPseudonymKey()).toHaveLength(32);
  });
});
