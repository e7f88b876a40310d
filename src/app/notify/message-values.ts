import { formatBookingCode } from '../../domain/booking-code.js';
import type { MessageKind, MessageLang } from '../../domain/messages/message-kind.js';
import { counterSentence } from '../../domain/messages/default-templates.js';
import type { MessageValues } from '../../domain/messages/templates.js';
import { formatDate, formatSession, formatSessionHours } from '../../texts/indonesian-format.js';

/** The facts of a booking a message tells, whatever table they come from. */
export interface MessageFacts {
  name: string;
  code: string;
  queueNumber: string;
  officeName: string;
  officeAddress: string;
  timezone: string;
  serviceName: string;
  serviceNameEn: string;
  /** JSON arrays of the documents to bring, as services store them. */
  documents: string;
  documentsEn: string;
  date: string;
  sessionStart: string;
  sessionEnd: string;
}

function documentList(json: string): string[] {
  try {
    const parsed: unknown = JSON.parse(json);
    return Array.isArray(parsed) ? parsed.filter((d): d is string => typeof d === 'string' && d.trim() !== '') : [];
  } catch {
    return [];
  }
}

/**
 * The value of every placeholder: the day and hours in the office's zone the Indonesian way,
 * the documents as a dash list (the English list when there is one, else the Indonesian),
 * the ticket link, and for `turn_near` the counter sentence.
 */
export function messageValues(
  facts: MessageFacts,
  opts: { kind: MessageKind; lang: MessageLang; link: string; counterNumber?: number | null | undefined },
): MessageValues {
  const { lang } = opts;
  const english = lang === 'en' ? documentList(facts.documentsEn) : [];
  const documents = english.length ? english : documentList(facts.documents);
  return {
    nama: facts.name,
    kode: formatBookingCode(facts.code),
    nomor: facts.queueNumber,
    kantor: facts.officeName,
    alamat: facts.officeAddress,
    layanan: lang === 'en' && facts.serviceNameEn ? facts.serviceNameEn : facts.serviceName,
    hari: formatDate(facts.date, lang),
    jam: formatSessionHours(facts.date, facts.sessionStart, facts.sessionEnd, facts.timezone, lang),
    waktu: formatSession(facts.date, facts.sessionStart, facts.sessionEnd, facts.timezone, lang),
    dokumen: documents.map((d) => `- ${d}`).join('\n'),
    tautan: opts.link,
    loket: opts.kind === 'turn_near' ? counterSentence(opts.counterNumber ?? null, lang) : '',
  };
}
