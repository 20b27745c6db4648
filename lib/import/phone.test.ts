import { describe, expect, it } from 'vitest';
import { phoneE164 } from './phone';

describe('phones in E.164', () => {
  it('normalises numbers written with their country code, in any common layout', () => {
    expect(phoneE164('+1 (555) 010-1234')).toBe('+15550101234');
    expect(phoneE164('+7 912 345-67-89')).toBe('+79123456789');
    expect(phoneE164('00 44 20 7946 0958')).toBe('+442079460958');
    expect(phoneE164('+1 555 010 1234 ext. 5')).toBe('+15550101234 ext. 5');
  });

  it('leaves numbers without a country code, and impossible ones, to be kept as written', () => {
    expect(phoneE164('(555) 010-1234')).toBeNull();
    expect(phoneE164('8 (912) 345-67-89')).toBeNull();
    expect(phoneE164('+1555010')).toBeNull();
    expect(phoneE164('not a phone')).toBeNull();
  });
});
