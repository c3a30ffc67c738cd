// The transcript address check, apart from the schema so the headless client can use it without zod.

// Practical address check (Rocket.Chat does none, so ours is the only one): a local part without
// leading, trailing or doubled dots, and a domain of labels ending in a TLD of 2+ letters or a
// punycode one. Letters, marks and digits of any script (internationalised addresses, RFC 6531),
// plus-addressing, subdomains and long TLDs are accepted.
const EMAIL =
  /^(?!\.)(?!.*\.\.)[\p{L}\p{M}\p{Nd}_.!#$%&'*+/=?^`{|}~-]+(?<!\.)@(?:[\p{L}\p{Nd}](?:[\p{L}\p{M}\p{Nd}-]{0,61}[\p{L}\p{M}\p{Nd}])?\.)+(?:\p{L}[\p{L}\p{M}]{1,62}|xn--[a-z\d](?:[a-z\d-]{0,57}[a-z\d])?)$/iu;
// Nothing invisible in an address: no control (header injection), space, bidi control (an address
// that displays differently from what it is) or zero-width character, even where EMAIL's letter
// classes would let one in (Hangul fillers are letters, variation selectors are marks).
const INVISIBLE = /[\p{Cc}\p{Cf}\p{Z}\p{Default_Ignorable_Code_Point}]/u;

/**
 * Whether `value` is a transcript address the form accepts: internationalised addresses
 * (`josé@exemplo.com.br`, `xn--` domains) yes; control, space, bidi and invisible characters no.
 */
export function isValidEmail(value: string): boolean {
  return value.length <= 254 && !INVISIBLE.test(value) && EMAIL.test(value);
}
