const MIN_CODE_POINTS = 2;
const MAX_CODE_POINTS = 100;

/*
 * Letters and combining marks of any script, spaces, and the punctuation of real names:
 * apostrophes (straight, curly, backtick as typed on phones), dots and commas for titles
 * ("Hj. Siti Aminah, S.Pd."), hyphens ("Al-Fatih"). ZWNJ/ZWJ are kept because some scripts
 * need them to spell a name. Everything else, digits, symbols, emoji, control characters, is refused.
 */
const NAME_CHARACTERS = /^[\p{L}\p{M} '\u2018\u2019`.,\-\u2010\u2011\u200C\u200D]+$/u;

/** A name tidied for storage (trimmed, single spaces, NFC), or null if it is not a name. */
export function normalizePersonName(input: string): string | null {
  const name = input.normalize('NFC').replace(/\s+/g, ' ').trim();
  const length = [...name].length;
  if (length < MIN_CODE_POINTS || length > MAX_CODE_POINTS) return null;
  if (!NAME_CHARACTERS.test(name) || !/\p{L}/u.test(name)) return null;
  return name;
}

/**
 * Why a name is refused, in words a person can act on: digits (a phone number or NIK typed in
 * the wrong box), other characters, or the length; null when `normalizePersonName` takes it.
 */
export function personNameProblem(input: string): 'NAME_DIGITS' | 'NAME_CHARACTERS' | 'NAME_INVALID' | null {
  if (normalizePersonName(input) !== null) return null;
  const name = input.normalize('NFC').replace(/\s+/g, ' ').trim();
  if (/\p{Nd}/u.test(name)) return 'NAME_DIGITS';
  if (name !== '' && !NAME_CHARACTERS.test(name)) return 'NAME_CHARACTERS';
  return 'NAME_INVALID';
}

/**
 * A name as initials, `Siti Rahmawati` → `S. R.`: enough for the owner to recognise their
 * ticket, too little for someone who only found the code to learn who booked.
 */
export function nameInitials(name: string): string {
  const initials = name
    .split(/[\s,]+/)
    .map((word) => [...word].find((ch) => /\p{L}/u.test(ch)))
    .filter((ch): ch is string => ch !== undefined)
    .map((ch) => `${ch.toLocaleUpperCase('id')}.`);
  return initials.join(' ');
}
