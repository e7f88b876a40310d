/** What a message to a citizen is about. */
export const MESSAGE_KINDS = ['booked', 'moved', 'cancelled', 'reminder_evening', 'reminder_before', 'turn_near'] as const;
export type MessageKind = (typeof MESSAGE_KINDS)[number];

/** The languages a message is written in; Indonesian unless the booking says otherwise. */
export const MESSAGE_LANGS = ['id', 'en'] as const;
export type MessageLang = (typeof MESSAGE_LANGS)[number];

/** Whether a string names a message kind. */
export function isMessageKind(s: string): s is MessageKind {
  return (MESSAGE_KINDS as readonly string[]).includes(s);
}

/** Whether a string names a message language. */
export function isMessageLang(s: string): s is MessageLang {
  return (MESSAGE_LANGS as readonly string[]).includes(s);
}
