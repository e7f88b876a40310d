import { describe, expect, it } from 'vitest';
import { callAnnouncement } from './announcement.js';

describe('the waiting-room announcement', () => {
  it('spells the queue number out character by character and names the counter', () => {
    expect(callAnnouncement({ queueNumber: 'A017', counter: 3, recall: false }, 'id')).toBe('Nomor antrean A 0 1 7, silakan menuju loket 3');
  });

  it('says that a recall is a second call', () => {
    expect(callAnnouncement({ queueNumber: 'C105', counter: 12, recall: true }, 'id')).toBe('Panggilan ulang. Nomor antrean C 1 0 5, silakan menuju loket 12');
  });

  it('still sends the person to the counters when the call named none', () => {
    expect(callAnnouncement({ queueNumber: 'B002', counter: null, recall: false }, 'id')).toBe('Nomor antrean B 0 0 2, silakan menuju loket');
  });
});
