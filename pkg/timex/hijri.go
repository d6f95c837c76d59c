package timex

import "time"

// Hijri dates are converted with the arithmetic (tabular) Islamic calendar
// of Calendrical Calculations (Reingold & Dershowitz), the "Kuwaiti
// algorithm" variant used by Microsoft's HijriCalendar: 30-year cycles
// with leap years 2, 5, 7, 10, 13, 16, 18, 21, 24, 26 and 29, months of
// alternately 30 and 29 days (Dhu al-Hijja 30 in leap years), and the
// civil epoch 1 Muharram 1 AH = Friday 16 July 622 (Julian), JDN 1948440.
//
// Caveat: the calendars actually used (Umm al-Qura in Saudi Arabia and the
// Gulf, moon sighting in Iraq and Syria) can differ from the tabular one
// by ±1 day, occasionally 2; a converted date is right to within a day.

// hijriEpoch is the Julian day number of the day before 1 Muharram 1 AH.
const hijriEpoch = 1948439

// jdnUnixDay is the Julian day number of 1970-01-01.
const jdnUnixDay = 2440588

// hijriToJDN returns the Julian day number of a tabular Hijri date.
func hijriToJDN(y, m, d int) int {
	return d + (59*(m-1)+1)/2 + (y-1)*354 + (3+11*y)/30 + hijriEpoch
}

// hijriToGregorian converts a tabular Hijri date to a Gregorian day (UTC).
func hijriToGregorian(y, m, d int) time.Time {
	return time.Unix(int64(hijriToJDN(y, m, d)-jdnUnixDay)*86400, 0).UTC()
}

// hijriYearToGregorian returns the Gregorian days of 1 Muharram of y and
// of the last day of y.
func hijriYearToGregorian(y int) (time.Time, time.Time) {
	return hijriToGregorian(y, 1, 1), hijriToGregorian(y+1, 1, 1).AddDate(0, 0, -1)
}
