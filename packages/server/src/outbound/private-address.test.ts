import { describe, expect, it } from 'vitest';
import { hasPrivateHost, isPrivateAddress } from './private-address.js';

describe('isPrivateAddress', () => {
  it.each([
    '127.0.0.1',
    '10.1.2.3',
    '172.31.255.255',
    '192.168.0.10',
    '169.254.169.254',
    '100.64.0.1',
    '0.0.0.0',
    '::1',
    'fd00::1',
    'fe80::1',
    '::ffff:127.0.0.1',
  ])('refuses %s', (address) => {
    expect(isPrivateAddress(address)).toBe(true);
  });

  it.each(['8.8.8.8', '172.32.0.1', '1.1.1.1', '2606:4700:4700::1111', '::ffff:8.8.8.8', 'example.com'])(
    'allows %s',
    (address) => {
      expect(isPrivateAddress(address)).toBe(false);
    },
  );
});

describe('hasPrivateHost', () => {
  it('sees localhost and IP literals, not names it would have to resolve', () => {
    expect(hasPrivateHost(new URL('http://localhost:8080/hook'))).toBe(true);
    expect(hasPrivateHost(new URL('http://api.localhost/hook'))).toBe(true);
    expect(hasPrivateHost(new URL('http://[::1]:3000/'))).toBe(true);
    expect(hasPrivateHost(new URL('https://10.0.0.5/'))).toBe(true);
    expect(hasPrivateHost(new URL('https://hooks.example.com/'))).toBe(false);
  });
});
