import { type Kysely, type Migration, type MigrationProvider, Migrator } from 'kysely';
import type { Storage } from './database.js';
import type { EngineCapabilities } from './engine.js';
import * as bookingEngine from './migrations/0001-booking-engine.js';
import * as staffAccess from './migrations/0002-staff-access.js';
import * as officeFloor from './migrations/0003-office-floor.js';
import * as loginAttempts from './migrations/0004-login-attempts.js';
import * as ownerCheckLimits from './migrations/0005-owner-check-limits.js';
import * as auditLog from './migrations/0006-audit-log.js';
import * as officeSchedule from './migrations/0007-office-schedule.js';
import * as officeClosures from './migrations/0008-office-closures.js';
import * as staffAdmin from './migrations/0009-staff-admin.js';
import * as outbox from './migrations/0010-outbox.js';
import * as messageTemplates from './migrations/0011-message-templates.js';
import * as officeContact from './migrations/0013-office-contact.js';
import * as deskDay from './migrations/0014-desk-day.js';
import * as counterDay from './migrations/0016-counter-day.js';
import * as sealedPersonalData from './migrations/0018-sealed-personal-data.js';
import * as personalData from './migrations/0020-personal-data.js';
import * as releaseSchedule from './migrations/0021-release-schedule.js';
import * as draws from './migrations/0022-draws.js';
import * as fairBookingGuards from './migrations/0023-fair-booking-guards.js';
import * as bookingsByStatus from './migrations/0024-bookings-by-status.js';

interface EngineMigration {
  up(db: Kysely<unknown>, engine: EngineCapabilities): Promise<void>;
}

/** Every migration in order; a name, once released, never changes. */
const MIGRATIONS: Record<string, EngineMigration> = {
  '0001-booking-engine': bookingEngine,
  '0002-staff-access': staffAccess,
  '0003-office-floor': officeFloor,
  '0004-login-attempts': loginAttempts,
  '0005-owner-check-limits': ownerCheckLimits,
  '0006-audit-log': auditLog,
  '0007-office-schedule': officeSchedule,
  '0008-office-closures': officeClosures,
  '0009-staff-admin': staffAdmin,
  '0010-outbox': outbox,
  '0011-message-templates': messageTemplates,
  '0013-office-contact': officeContact,
  '0014-desk-day': deskDay,
  '0016-counter-day': counterDay,
  '0018-sealed-personal-data': sealedPersonalData,
  '0020-personal-data': personalData,
  '0021-release-schedule': releaseSchedule,
  '0022-draws': draws,
  '0023-fair-booking-guards': fairBookingGuards,
  '0024-bookings-by-status': bookingsByStatus,
};

class InCodeProvider implements MigrationProvider {
  constructor(private readonly engine: EngineCapabilities) {}
  async getMigrations(): Promise<Record<string, Migration>> {
    const out: Record<string, Migration> = {};
    for (const [name, m] of Object.entries(MIGRATIONS)) {
      out[name] = { up: (db) => m.up(db, this.engine) };
    }
    return out;
  }
}

/** Brings the schema up to date; safe to call from several processes at once (Kysely takes a lock). */
export async function migrateToLatest(storage: Storage): Promise<string[]> {
  const migrator = new Migrator({ db: storage.db, provider: new InCodeProvider(storage.engine) });
  const { error, results } = await migrator.migrateToLatest();
  if (error) throw error;
  return (results ?? []).filter((r) => r.status === 'Success').map((r) => r.migrationName);
}

/** Brings the schema up to the named migration and no further: for testing what a migration does to existing rows. */
export async function migrateUpTo(storage: Storage, name: string): Promise<void> {
  const migrator = new Migrator({ db: storage.db, provider: new InCodeProvider(storage.engine) });
  const { error } = await migrator.migrateTo(name);
  if (error) throw error;
}

/** The names of every migration this code knows, in order. */
export const MIGRATION_NAMES: readonly string[] = Object.keys(MIGRATIONS);
