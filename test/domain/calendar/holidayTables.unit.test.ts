import { checkedInHolidayTables, HolidayYearTable, type HolidayKind } from '../../../domain/calendar';

function count(year: number, kind: HolidayKind, decreePrefix: string): number {
  const table = checkedInHolidayTables.get(year);
  if (table === undefined) throw new Error(`no table for ${year}`);
  return table.holidays.filter((h) => h.kind === kind && h.decree.startsWith(decreePrefix)).length;
}

describe('checked-in holiday tables', () => {
  it('transcribe the totals each SKB announced', () => {
    // SKB 855/2023: 17 libur nasional + 10 cuti bersama; plus two election days by Keppres.
    expect(count(2024, 'libur_nasional', 'SKB')).toBe(17);
    expect(count(2024, 'cuti_bersama', 'SKB')).toBe(10);
    expect(count(2024, 'libur_nasional', 'Keppres')).toBe(2);
    // SKB 1017/2024: 17 + 10; SKB 933/2025 added cuti bersama 18 Aug.
    expect(count(2025, 'libur_nasional', 'SKB 1017')).toBe(17);
    expect(count(2025, 'cuti_bersama', 'SKB 1017')).toBe(10);
    expect(count(2025, 'cuti_bersama', 'SKB 933')).toBe(1);
    // SKB 1497/2025: 17 + 8.
    expect(count(2026, 'libur_nasional', 'SKB')).toBe(17);
    expect(count(2026, 'cuti_bersama', 'SKB')).toBe(8);
  });

  it('mark decreed years complete and name their sources', () => {
    for (const year of [2024, 2025, 2026]) {
      const table = checkedInHolidayTables.get(year);
      expect(table?.complete).toBe(true);
      expect(table?.sources.join(' ')).toMatch(/Keputusan Bersama Menteri Agama/);
    }
    expect(checkedInHolidayTables.get(2027)?.complete).toBe(false);
  });

  it('list Easter Sunday (Paskah), which the library lacks, for 2024-2027', () => {
    const easter: Record<number, string> = { 2024: '2024-03-31', 2025: '2025-04-20', 2026: '2026-04-05', 2027: '2027-03-28' };
    for (const [year, date] of Object.entries(easter)) {
      const entry = checkedInHolidayTables.get(Number(year))?.holidays.find((h) => h.date === date);
      expect(entry?.name).toMatch(/Paskah/);
    }
  });

  it('reject a table whose dates fall outside its year', () => {
    const result = HolidayYearTable.safeParse({
      year: 2025,
      complete: true,
      sources: ['x'],
      readFrom: [],
      holidays: [{ date: '2024-12-25', name: 'Natal', kind: 'libur_nasional', decree: 'x' }],
    });
    expect(result.success).toBe(false);
  });
});
