/// English wall-clock wording for refusals and messages, e.g.
/// "Tue 5 Mar 2024, 10:00–11:30 (Europe/Amsterdam)".
extension ClinicZone {
    /// The day, e.g. "Tue 5 Mar 2024".
    public func dayText(_ date: LocalDate) -> String {
        let month = Self.months[date.month - 1]
        return "\(date.weekday.name.prefix(3)) \(date.day) \(month) \(date.year)"
    }

    /// A slot in the clinic's zone, naming the zone.
    public func slotText(_ slot: TimeSlot) -> String {
        let startDay = localDate(of: slot.start)
        let endDay = localDate(of: slot.end)
        let startTime = localTime(of: slot.start)
        let endTime = localTime(of: slot.end)
        if startDay == endDay {
            return "\(dayText(startDay)), \(startTime)–\(endTime) (\(identifier))"
        }
        return "\(dayText(startDay)) \(startTime) – \(dayText(endDay)) \(endTime) (\(identifier))"
    }

    private static let months = ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"]
}
