// @vitest-environment node
import { describe, expect, it } from 'vitest';
import { deriveKey, fromBase64, KDF_ITERATIONS, newKey, open, parseKeyParams, seal, SealError, toBase64, unlockKey } from './crypto';

const bytes = (s: string) => new TextEncoder().encode(s);
const text = (b: Uint8Array) => new TextDecoder().decode(b);
const salt = new Uint8Array(16).fill(7);

describe('crypto', () => {
  it('derives with PBKDF2-SHA256 at 600,000 iterations by default, into a non-extractable AES-GCM-256 key', async () => {
    expect(KDF_ITERATIONS).toBeGreaterThanOrEqual(600_000);
    const { key, params } = await newKey('correct horse');
    expect(params).toMatchObject({ kdf: 'PBKDF2-SHA256', iterations: 600_000, cipher: 'AES-GCM-256' });
    expect(fromBase64(params.salt)).toHaveLength(16);
    expect(key.extractable).toBe(false);
    expect(key.algorithm).toMatchObject({ name: 'AES-GCM', length: 256 });
    await expect(unlockKey('correct horse', params)).resolves.toBeDefined();
    await expect(unlockKey('correct horsE', params)).rejects.toThrow(/wrong passphrase/i);
  });

  it('seals with a fresh IV each time and opens only with the same key and additional data', async () => {
    const key = await deriveKey('pass', salt, 1000);
    const a = await seal(key, bytes('hello'), bytes('rec-1'));
    const b = await seal(key, bytes('hello'), bytes('rec-1'));
    expect(toBase64(a.subarray(0, 12))).not.toBe(toBase64(b.subarray(0, 12)));
    expect(a).toHaveLength(12 + 5 + 16);
    expect(text(await open(key, a, bytes('rec-1')))).toBe('hello');
    await expect(open(key, a, bytes('rec-2'))).rejects.toBeInstanceOf(SealError);
    await expect(open(await deriveKey('other', salt, 1000), a, bytes('rec-1'))).rejects.toBeInstanceOf(SealError);
    const tampered = a.slice();
    tampered[14] ^= 1;
    await expect(open(key, tampered, bytes('rec-1'))).rejects.toBeInstanceOf(SealError);
    await expect(open(key, a.subarray(0, 20))).rejects.toThrow(/truncated/);
  });

  it('gives the same key for the same passphrase and salt, another for another salt; NFC-normalises', async () => {
    const k1 = await deriveKey('café', salt, 1000);
    const k2 = await deriveKey('cafe\u0301', salt, 1000);
    const sealed = await seal(k1, bytes('x'));
    expect(text(await open(k2, sealed))).toBe('x');
    const k3 = await deriveKey('café', new Uint8Array(16).fill(8), 1000);
    await expect(open(k3, sealed)).rejects.toBeInstanceOf(SealError);
  });

  it('refuses an empty passphrase and hostile parameters', async () => {
    await expect(deriveKey('', salt, 1000)).rejects.toThrow(/empty/);
    await expect(deriveKey('x', salt, 0)).rejects.toThrow(/iterations/);
    await expect(deriveKey('x', salt, 1e9)).rejects.toThrow(/iterations/);
    expect(() => parseKeyParams({ kdf: 'scrypt', iterations: 1, salt: '', cipher: 'AES-GCM-256', check: '' })).toThrow(/kdf/);
    expect(() => parseKeyParams({ kdf: 'PBKDF2-SHA256', iterations: 1e12, salt: '', cipher: 'AES-GCM-256', check: '' })).toThrow(/iterations/);
  });
});
