import { describe, expect, it } from 'vitest';
import { looksLikeBookingCode } from './booking-code.js';
import { withinEarlyMargin } from './check-in-window.js';
import { parsePerson } from './person.js';
import { isCallable } from './queue-order.js';
import { readQueueNumber } from './queue-number.js';

describe('a scanned code in a reason field', () => {
  it('is a code when it is one token of code symbols, in any case or with dashes', () => {
    expect(looksLikeBookingCode('ACDEFGHJK')).toBe(true);
    expect(looksLikeBookingCode(' acd-efg-hjk ')).toBe(true);
  });

  it('is a reason when it has words, or letters a code never uses', () => {
    expect(looksLikeBookingCode('hamil tua')).toBe(false);
    expect(looksLikeBookingCode('ACD EFG HJK')).toBe(false);
    expect(looksLikeBookingCode('TERLAMBAT')).toBe(false);
    expect(looksLikeBookingCode('')).toBe(false);
  });
});

describe('the margin for early arrivals', () => {
  it('covers the minutes before the session starts, and not the start itself', () => {
    expect(withinEarlyMargin('08:00', '09:00', 60)).toBe(true);
    expect(withinEarlyMargin('08:59', '09:00', 60)).toBe(true);
    expect(withinEarlyMargin('07:59', '09:00', 60)).toBe(false);
    expect(withinEarlyMargin('09:00', '09:00', 60)).toBe(false);
    expect(withinEarlyMargin('08:59', '09:00', 0)).toBe(false);
  });

  it('holds an early person back until their session starts', () => {
    expect(isCallable({ callFrom: '09:00' }, '08:59')).toBe(false);
    expect(isCallable({ callFrom: '09:00' }, '09:00')).toBe(true);
    expect(isCallable({ callFrom: null }, '07:00')).toBe(true);
  });
});

describe('a queue number as people say it', () => {
  it('reads a letter and one to three digits in any spelling', () => {
    expect(readQueueNumber('A001')).toBe('A001');
    expect(readQueueNumber('a1')).toBe('A001');
    expect(readQueueNumber('c-17')).toBe('C017');
    expect(readQueueNumber('B 040')).toBe('B040');
  });

  it('is not a name, a NIK or number zero', () => {
    expect(readQueueNumber('Ani')).toBeNull();
    expect(readQueueNumber('A0')).toBeNull();
    expect(readQueueNumber('A1234')).toBeNull();
    expect(readQueueNumber('3271')).toBeNull();
  });
});

describe('a person without a phone', () => {
  const person = { nik: '3271010101900001', name: 'Mbah Karto', phone: '' };

  it('may be booked by the desk', () => {
    expect(parsePerson(person, { phoneOptional: true }).phone).toBe('');
  });

  it('cannot book online, and a phone given must still be a mobile number', () => {
    expect(() => parsePerson(person)).toThrow('INVALID_INPUT');
    expect(() => parsePerson({ ...person, phone: '0251 123' }, { phoneOptional: true })).toThrow('INVALID_INPUT');
  });
});
