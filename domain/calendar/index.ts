export { createWorkingDayCalendar, SUPPORTED_YEARS, type WorkingDayCalendar } from './workingDayCalendar';
export { CalendarOverrides } from './calendarOverrides';
export { HolidayEntry, HolidayKind, HolidayYearTable, JakartaDate, NotHoliday } from './holidayTable';
export { checkedInHolidayTables } from './checkedInHolidayTables';
export { JAKARTA_OFFSET, jakartaEpochDayOfInstant } from './jakartaTime';
