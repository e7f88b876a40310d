import id2026 from '../../../seed/id-closed-days-2026.json' with { type: 'json' };

/** A closed day from the joint ministerial decree (SKB 3 Menteri) of its year. */
export interface OfficialClosedDay {
  date: string;
  name: string;
  kind: 'national_holiday' | 'cuti_bersama';
}

interface DecreeFile {
  year: number;
  national_holidays: { date: string; name: string }[];
  cuti_bersama: { date: string; name: string }[];
}

/** Years whose decree the project ships; add a file to `seed/` each year when it is published. */
const DECREES: readonly DecreeFile[] = [id2026];

/** The official closed days of a year, or undefined when its decree is not shipped yet. */
export function officialClosedDays(year: number): OfficialClosedDay[] | undefined {
  const decree = DECREES.find((d) => d.year === year);
  if (!decree) return undefined;
  return [
    ...decree.national_holidays.map((d) => ({ ...d, kind: 'national_holiday' as const })),
    ...decree.cuti_bersama.map((d) => ({ ...d, kind: 'cuti_bersama' as const })),
  ];
}
