/// Wall-clock wording for pages, refusals and messages, in a language (English unless given), e.g.
/// "Tue 5 Mar 2024, 10:00–11:30 (Europe/Amsterdam)" or "di 5 mrt 2024, 10:00–11:30 (Europe/Amsterdam)".
extension ClinicZone {
    /// The day, e.g. "Tue 5 Mar 2024".
    public func dayText(_ date: LocalDate, in language: String = "en") -> String {
        date.text(in: language)
    }

    /// A slot in the clinic's zone, naming the zone.
    public func slotText(_ slot: TimeSlot, in language: String = "en") -> String {
        let startDay = localDate(of: slot.start)
        let endDay = localDate(of: slot.end)
        let startTime = localTime(of: slot.start)
        let endTime = localTime(of: slot.end)
        if startDay == endDay {
            return "\(dayText(startDay, in: language)), \(startTime)–\(endTime) (\(identifier))"
        }
        return "\(dayText(startDay, in: language)) \(startTime) – \(dayText(endDay, in: language)) \(endTime) (\(identifier))"
    }
}

extension LocalDate {
    /// The day in words, e.g. "Tue 5 Mar 2024" ("di 5 mrt 2024" in Dutch).
    public func text(in language: String = "en") -> String {
        "\(DateWords.weekdayShort(weekday, in: language)) \(day) \(DateWords.monthShort(month, in: language)) \(year)"
    }
}
