import MentalizeCore

/// The dates a session, series, group change or notice may carry: from a year back (recording
/// what already happened) to five years ahead. A date outside is a typing slip (0001-01-01,
/// 9999-12-31) and is refused with the range, not booked.
enum BookableDates {
    static func range(today: LocalDate) -> ClosedRange<LocalDate> {
        today.adding(days: -366)...today.adding(days: 5 * 366)
    }

    /// The refusal for `date`, or nil when it is in range.
    static func problem(_ date: LocalDate, today: LocalDate) -> String? {
        let allowed = range(today: today)
        return allowed.contains(date) ? nil : PageText.text("schedule.error.dateRange", ["from": allowed.lowerBound.description, "to": allowed.upperBound.description])
    }
}
