import Foundation
import MentalizeCore
import Testing

@Suite struct ICalendarWriterTests {
    let stamp = Date(timeIntervalSince1970: 1_709_600_000) // 2024-03-05 00:53:20 UTC

    func event(summary: String = "Individual session", location: String? = nil, details: String? = nil,
               status: CalendarEvent.Status = .confirmed) throws -> CalendarEvent {
        let slot = try TimeSlot(start: Date(timeIntervalSince1970: 1_709_629_200), minutes: 50) // 09:00 UTC
        return try CalendarEvent(uid: "abc-2024-03-05@clinic.example", slot: slot, summary: summary, location: location, details: details, status: status)
    }

    @Test func theFeedHasTheRequiredPropertiesInUTCWithCRLF() throws {
        // act
        let text = ICalendarWriter.render(CalendarFeed(name: "Sessions, Dr Jansen", events: [try event(location: "Room 2")]), stamp: stamp)
        // verify
        #expect(text == [
            "BEGIN:VCALENDAR", "VERSION:2.0", "PRODID:-//Mentalize//Mentalize Scheduling//EN", "CALSCALE:GREGORIAN",
            "METHOD:PUBLISH", "X-WR-CALNAME:Sessions\\, Dr Jansen", "BEGIN:VEVENT", "UID:abc-2024-03-05@clinic.example",
            "DTSTAMP:20240305T005320Z", "DTSTART:20240305T090000Z", "DTEND:20240305T095000Z", "SUMMARY:Individual session",
            "LOCATION:Room 2", "STATUS:CONFIRMED", "SEQUENCE:0", "END:VEVENT", "END:VCALENDAR",
        ].map { $0 + "\r\n" }.joined())
        let bytes = Array(text.utf8)
        for (index, byte) in bytes.enumerated() where byte == 0x0A { #expect(index > 0 && bytes[index - 1] == 0x0D) }
    }

    @Test func cancelledEventsSayCancelled() throws {
        let text = ICalendarWriter.render(CalendarFeed(name: "x", events: [try event(status: .cancelled)]), stamp: stamp)
        #expect(text.contains("\r\nSTATUS:CANCELLED\r\n"))
        #expect(!text.contains("LOCATION") && !text.contains("DESCRIPTION"))
    }

    @Test func textIsEscaped() {
        #expect(ICalendarWriter.escapeText("a\\b;c,d\ne\r\nf\rg\th\u{7}i") == "a\\\\b\\;c\\,d\\ne\\nf\\ng\th" + "i")
    }

    @Test func longLinesFoldAt75OctetsWithoutSplittingUTF8() throws {
        // setup: ASCII, 2-byte, 3-byte and 4-byte scalars and a combining mark
        let summary = String(repeating: "Ab", count: 30) + String(repeating: "é", count: 40) + String(repeating: "日本", count: 20)
            + String(repeating: "🙂", count: 20) + "e\u{301}"
        // act
        let text = ICalendarWriter.render(CalendarFeed(name: "x", events: [try event(summary: summary)]), stamp: stamp)
        // verify: every physical line ≤ 75 octets and valid UTF-8 on its own
        let lines = text.utf8.split(separator: 0x0A).map { Array($0.dropLast()) }
        for line in lines {
            #expect(line.count <= 75)
            #expect(String(validating: line, as: UTF8.self) != nil)
        }
        let folded = lines.drop { !($0.starts(with: Array("SUMMARY:".utf8))) }.prefix { $0.first == 0x20 || $0.starts(with: Array("SUMMARY:".utf8)) }
        #expect(folded.count > 3)
        #expect((74...75).contains(folded.first?.count ?? 0))
        // unfolding (drop CRLF + one space) restores the value exactly
        let unfolded = text.replacingOccurrences(of: "\r\n ", with: "")
        #expect(unfolded.contains("\r\nSUMMARY:" + summary + "\r\n"))
    }

    @Test func foldingBoundaryIsExact() {
        let line75 = String(repeating: "x", count: 75)
        #expect(ICalendarWriter.fold(line75) == line75)
        let line76 = String(repeating: "x", count: 76)
        #expect(Array(ICalendarWriter.fold(line76).utf8) == Array((String(repeating: "x", count: 75) + "\r\n x").utf8))
        let twoByte = "SUMMARY:" + String(repeating: "x", count: 66) + "é"
        #expect(ICalendarWriter.fold(twoByte) == "SUMMARY:" + String(repeating: "x", count: 66) + "\r\n é")
    }

    @Test func eventsAreValidated() throws {
        let slot = try TimeSlot(start: stamp, minutes: 50)
        #expect(throws: CalendarError.invalidUID) { try CalendarEvent(uid: "", slot: slot, summary: "x") }
        #expect(throws: CalendarError.negativeSequence) { try CalendarEvent(uid: "a", slot: slot, summary: "x", sequence: -1) }
        #expect(CalendarEvent.uid(for: BookingID(source: UUID(uuidString: "3F2504E0-4F89-11D3-9A0C-0305E82C3301") ?? UUID(), date: try LocalDate(iso: "2024-03-05")), domain: "clinic.example")
            == "3f2504e0-4f89-11d3-9a0c-0305e82c3301-2024-03-05@clinic.example")
    }
}
