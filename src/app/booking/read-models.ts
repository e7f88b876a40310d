import type { TicketStatus } from '../../domain/ticket-status.js';

/**
 * A booking with the office, service and session facts every presentation needs: what use
 * cases hand to `http`, so pages and presenters never reach for the storage layer. The
 * bookings repository returns rows of exactly this shape.
 */
export interface BookingView {
  id: number;
  /** The booking code: the ticket's secret. */
  code: string;
  office_id: number;
  service_id: number;
  session_id: number;
  /** YYYY-MM-DD in the office's zone. */
  date: string;
  queue_number: string;
  status: TicketStatus;
  nik: string;
  name: string;
  phone: string;
  channel: 'online' | 'desk' | 'walk_in';
  priority: string | null;
  checked_in_at: string | null;
  created_at: string;
  updated_at: string;
  /** The counter that called the ticket last. */
  counter_number: number | null;
  called_at: string | null;
  /** How often the desk put a skipped ticket back in line. */
  requeue_count: number;
  /** Wrong NIKs tried with this booking's code. */
  owner_check_failures: number;
  office_slug: string;
  office_name: string;
  office_timezone: string;
  service_code: string;
  service_name: string;
  service_name_en: string;
  /** JSON array of the documents to bring. */
  service_documents: string;
  session_letter: string;
  session_start: string;
  session_end: string;
}
