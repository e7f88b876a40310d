import { DomainError } from '../../domain/errors.js';

/** The staff member changing a setting: who the audit names, and the office they are tied to (null: every office). */
export interface AdminActor {
  userId: number;
  username: string;
  officeId: number | null;
}

/** Refuses an admin tied to another office (OTHER_OFFICE); an admin of every office passes. */
export function assertManages(actor: AdminActor, officeId: number): void {
  if (actor.officeId !== null && actor.officeId !== officeId) throw new DomainError('OTHER_OFFICE');
}
