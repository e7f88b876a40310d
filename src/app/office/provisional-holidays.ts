import { createRequire } from 'node:module';
import { Worker } from 'node:worker_threads';
import { nationalHolidaysFrom, type PackageHoliday, type ProvisionalHoliday } from '../../domain/provisional-holidays.js';

// Plain CommonJS, run as a worker from this text: it works the same from src/ (tests) and dist/.
const WORKER_SOURCE = `
const { parentPort, workerData } = require('node:worker_threads');
const Holidays = require(workerData.holidays);
const indonesia = new Holidays('ID');
parentPort.postMessage(workerData.years.map((year) => indonesia.getHolidays(year).map((h) => ({ date: h.date, name: h.name, type: h.type }))));
`;

/** Each year's guess, once per process: it depends only on the year and the package's rules. */
const guessed = new Map<number, Promise<readonly ProvisionalHoliday[]>>();

/**
 * National holidays of each year as date-holidays guesses them (see domain/provisional-holidays),
 * worked out in a thread of its own that ends with the answer. The package's rules for every
 * country take about 25 MB once loaded, and a module once loaded stays for the life of the
 * process: the server would hold them for a guess it makes at most once a year. A year's answer
 * is kept (a few hundred bytes), so a process starts the thread (about 0.25 s of CPU) at most
 * once per year asked for, however many offices or databases ask.
 */
export async function provisionalNationalHolidays(years: readonly number[]): Promise<(readonly ProvisionalHoliday[])[]> {
  for (const year of years) if (!Number.isInteger(year)) throw new RangeError(`Year must be an integer, got ${year}`);
  const missing = [...new Set(years.filter((year) => !guessed.has(year)))];
  if (missing.length > 0) {
    const answer = guessInThread(missing);
    for (const [i, year] of missing.entries()) {
      const guess = answer.then((all) => all[i]!);
      guessed.set(year, guess);
      // A failed thread is not kept: the next caller tries again.
      guess.catch(() => guessed.delete(year));
    }
  }
  return Promise.all(years.map((year) => guessed.get(year)!));
}

async function guessInThread(years: readonly number[]): Promise<(readonly ProvisionalHoliday[])[]> {
  const holidays = createRequire(import.meta.url).resolve('date-holidays');
  const worker = new Worker(WORKER_SOURCE, { eval: true, workerData: { holidays, years } });
  const entries = await new Promise<PackageHoliday[][]>((resolve, reject) => {
    worker.once('message', resolve);
    worker.once('error', reject);
    worker.once('exit', (code) => reject(new Error(`the holidays thread ended (${code}) without an answer`)));
  });
  await worker.terminate();
  // Shared by every later caller, so nobody may change them.
  return entries.map((yearEntries) => Object.freeze(nationalHolidaysFrom(yearEntries).map((h) => Object.freeze(h))));
}
