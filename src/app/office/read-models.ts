/** A dated closed day of an office: a holiday of the decree, collective leave, or the office's own closure. */
export interface ClosedDay {
  id: number;
  office_id: number;
  /** YYYY-MM-DD in the office's zone. */
  date: string;
  /** The holiday's name, or the reason the admin gave. */
  reason: string;
  kind: 'national_holiday' | 'cuti_bersama' | 'provisional_holiday' | 'office_closure';
  /** When an admin recorded an office closure; null for holidays. */
  created_at: string | null;
  created_by: number | null;
}
