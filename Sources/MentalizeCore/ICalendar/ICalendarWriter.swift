public import Foundation

/// Writes an RFC 5545 iCalendar feed (METHOD:PUBLISH): CRLF line endings, lines folded at 75
/// octets without splitting a UTF-8 sequence, TEXT values escaped, times in UTC ("Z" form).
public enum ICalendarWriter {
    /// The feed as iCalendar text; `stamp` is the DTSTAMP (the time the feed was generated).
    public static func render(_ feed: CalendarFeed, stamp: Date) -> String {
        var lines = [
            "BEGIN:VCALENDAR",
            "VERSION:2.0",
            "PRODID:" + escapeText(feed.productID),
            "CALSCALE:GREGORIAN",
            "METHOD:PUBLISH",
            "X-WR-CALNAME:" + escapeText(feed.name),
        ]
        for event in feed.events {
            lines += ["BEGIN:VEVENT", "UID:" + escapeText(event.uid), "DTSTAMP:" + utc(stamp),
                      "DTSTART:" + utc(event.slot.start), "DTEND:" + utc(event.slot.end),
                      "SUMMARY:" + escapeText(event.summary)]
            if let location = event.location { lines.append("LOCATION:" + escapeText(location)) }
            if let details = event.details { lines.append("DESCRIPTION:" + escapeText(details)) }
            lines += ["STATUS:" + event.status.rawValue, "SEQUENCE:\(event.sequence)", "END:VEVENT"]
        }
        lines.append("END:VCALENDAR")
        return lines.map { fold($0) + "\r\n" }.joined()
    }

    /// Escapes a TEXT value: backslash, semicolon, comma and line breaks; drops other control
    /// characters (tab is kept).
    public static func escapeText(_ text: String) -> String {
        var out = ""
        var previousWasCR = false
        for scalar in text.unicodeScalars {
            defer { previousWasCR = scalar == "\r" }
            switch scalar {
            case "\\": out += "\\\\"
            case ";": out += "\\;"
            case ",": out += "\\,"
            case "\r": out += "\\n"
            case "\n": if !previousWasCR { out += "\\n" }
            case "\t": out.unicodeScalars.append(scalar)
            default:
                if scalar.value >= 0x20, scalar.value != 0x7F { out.unicodeScalars.append(scalar) }
            }
        }
        return out
    }

    /// Folds a content line so no line exceeds 75 octets (continuations start with one space),
    /// breaking only between Unicode scalars. The result has CRLF between parts, none at the end.
    public static func fold(_ line: String) -> String {
        var parts: [String] = []
        var current = String.UnicodeScalarView()
        var currentOctets = 0
        for scalar in line.unicodeScalars {
            let octets = String(scalar).utf8.count
            let limit = parts.isEmpty ? 75 : 74
            if currentOctets + octets > limit {
                parts.append(String(current))
                current = String.UnicodeScalarView()
                currentOctets = 0
            }
            current.append(scalar)
            currentOctets += octets
        }
        parts.append(String(current))
        return parts.joined(separator: "\r\n ")
    }

    /// E.g. `20240305T090000Z` (seconds truncated).
    static func utc(_ date: Date) -> String {
        let seconds = Int(date.timeIntervalSince1970.rounded(.down))
        let days = ClinicZone.floorDiv(seconds, 86_400)
        let day = LocalDate(dayNumber: days)
        let rest = seconds - days * 86_400
        func two(_ value: Int) -> String { value < 10 ? "0\(value)" : "\(value)" }
        let date = day.description.replacingOccurrences(of: "-", with: "")
        return "\(date)T\(two(rest / 3600))\(two(rest % 3600 / 60))\(two(rest % 60))Z"
    }
}
