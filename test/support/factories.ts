/** A valid Kota Bogor NIK, different for every `i` below 9999 × 28. */
export function nikFor(i: number, opts: { woman?: boolean } = {}): string {
  const day = 1 + Math.floor(i / 9999) + (opts.woman ? 40 : 0);
  const serial = (i % 9999) + 1;
  return `327101${String(day).padStart(2, '0')}0190${String(serial).padStart(4, '0')}`;
}

/** A valid WhatsApp number, different for every `i` below 10^8: distinct citizens have distinct phones (offices limit bookings per phone a month). */
export function phoneFor(i: number): string {
  return `0813${String(i).padStart(8, '0')}`;
}

/** A booking request body for the default office, with overrides. */
export function bookingBody(over: Partial<Record<'office' | 'date' | 'service' | 'nik' | 'name' | 'phone', string>> & { sessionId?: number | string } = {}) {
  return {
    office: 'kota-bogor',
    date: '2026-12-02',
    sessionId: 1,
    service: 'KTP-BARU',
    nik: nikFor(0),
    name: 'Siti Rahmawati',
    phone: '0812-3456-7890',
    ...over,
  };
}
