/// The stored form of ``OfficeHours``: one `day=HH:MM-HH:MM` per open weekday, comma-separated
/// (`monday=09:00-17:00,tuesday=09:00-17:00`); an empty text is a clinic that is never open.
extension OfficeHours {
    public init(storedText text: String) throws(ClinicSettingsError) {
        var openings: [Weekday: Opening] = [:]
        for part in text.split(separator: ",") {
            let pieces = part.split(separator: "=")
            guard pieces.count == 2, let day = Weekday(rawValue: String(pieces[0])) else { throw .unreadableOfficeHours(String(part)) }
            let times = pieces[1].split(separator: "-")
            guard times.count == 2, openings[day] == nil else { throw .unreadableOfficeHours(String(part)) }
            guard let opens = try? LocalTime(text: String(times[0])), let closes = try? LocalTime(text: String(times[1])) else {
                throw .unreadableOfficeHours(String(part))
            }
            openings[day] = try Opening(opens: opens, closes: closes)
        }
        self.init(openings: openings)
    }

    public var storedText: String {
        Weekday.allCases.compactMap { day in openings[day].map { "\(day.rawValue)=\($0.opens)-\($0.closes)" } }.joined(separator: ",")
    }
}
