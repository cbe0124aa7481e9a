import { HolidayYearTable } from './holidayTable';
import table2024 from './data/2024.json';
import table2025 from './data/2025.json';
import table2026 from './data/2026.json';
import table2027 from './data/2027.json';

/**
 * The holiday tables checked in under data/, one file per year, validated once at load.
 * Each names the SKB 3 Menteri (and any Keppres) it transcribes. Add a year by adding its
 * file here; years without a file fall back to the date-holidays library alone.
 */
export const checkedInHolidayTables: ReadonlyMap<number, HolidayYearTable> = new Map(
  [table2024, table2025, table2026, table2027].map((raw) => {
    const table = HolidayYearTable.parse(raw);
    return [table.year, table] as const;
  }),
);
