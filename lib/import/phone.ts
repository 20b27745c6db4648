import { parsePhoneNumberFromString } from 'libphonenumber-js/min';

/**
 * A phone written with its country code ("+1 (555) 010-1234", "00 44 20 7946 0958") in E.164
 * ("+15550101234"), keeping an extension; null when the number has no country code or cannot be
 * a phone number there. Numbers without a country code are kept as written: guessing the country
 * would turn a local number into someone else's.
 */
export function phoneE164(written: string): string | null {
  const value = written.trim();
  const international = value.startsWith('+')
    ? value
    : /^0\s*0\s*[1-9]/.test(value)
      ? `+${value.replace(/^0\s*0\s*/, '')}`
      : null;
  if (!international) return null;
  const parsed = parsePhoneNumberFromString(international);
  if (!parsed?.isPossible()) return null;
  return parsed.ext ? `${parsed.number} ext. ${parsed.ext}` : parsed.number;
}
