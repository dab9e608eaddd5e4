import Foundation
import MentalizeCore
import Testing

/// Office hours decide what a patient is told about when their team will see what they wrote.
@Suite struct OfficeHoursTests {
    let london = try! ClinicZone("Europe/London")
    let hours = OfficeHours.weekdaysNineToFive

    func instant(_ text: String) throws -> Date {
        try #require(ISO8601DateFormatter().date(from: text))
    }

    @Test func openOnWeekdaysBetweenNineAndFiveLocalTime() throws {
        #expect(hours.isOpen(at: try instant("2026-12-07T09:00:00Z"), zone: london, holidays: []))   // Monday 09:00
        #expect(!hours.isOpen(at: try instant("2026-12-07T08:59:00Z"), zone: london, holidays: []))
        #expect(!hours.isOpen(at: try instant("2026-12-07T17:00:00Z"), zone: london, holidays: []))  // closes at 17:00
        #expect(!hours.isOpen(at: try instant("2026-12-05T12:00:00Z"), zone: london, holidays: []))  // Saturday
        // Summer time: 09:30 in London is 08:30 UTC.
        #expect(hours.isOpen(at: try instant("2026-07-06T08:30:00Z"), zone: london, holidays: []))
    }

    @Test func saturdayNightPointsToMondayMorning() throws {
        let saturdayNight = try instant("2026-12-05T23:37:00Z")
        let next = try #require(hours.nextOpening(atOrAfter: saturdayNight, zone: london, holidays: []))
        #expect(next == (try instant("2026-12-07T09:00:00Z")))
    }

    @Test func aHolidayIsSkipped() throws {
        let christmasEveEvening = try instant("2026-12-24T18:00:00Z") // Thursday
        let holidays: Set<LocalDate> = [try LocalDate(iso: "2026-12-25"), try LocalDate(iso: "2026-12-28")]
        let next = try #require(hours.nextOpening(atOrAfter: christmasEveEvening, zone: london, holidays: holidays))
        #expect(next == (try instant("2026-12-29T09:00:00Z")))
        #expect(!hours.isOpen(at: try instant("2026-12-25T10:00:00Z"), zone: london, holidays: holidays))
    }

    @Test func whenOpenTheNextOpeningIsNow() throws {
        let tuesdayNoon = try instant("2026-12-08T12:00:00Z")
        #expect(hours.nextOpening(atOrAfter: tuesdayNoon, zone: london, holidays: []) == tuesdayNoon)
    }

    @Test func aClinicNeverOpenHasNoNextOpening() throws {
        #expect(OfficeHours(openings: [:]).nextOpening(atOrAfter: try instant("2026-12-08T12:00:00Z"), zone: london, holidays: []) == nil)
    }

    @Test func storedTextRoundTripsAndRefusesNonsense() throws {
        let text = "monday=08:30-16:00,thursday=10:00-20:00"
        let parsed = try OfficeHours(storedText: text)
        #expect(parsed.storedText == text)
        #expect(parsed.openings[.monday]?.opens.description == "08:30")
        #expect(OfficeHours.weekdaysNineToFive.storedText.hasPrefix("monday=09:00-17:00,tuesday="))
        #expect(try OfficeHours(storedText: "").openings.isEmpty)
        for bad in ["monday=17:00-09:00", "someday=09:00-17:00", "monday=9-17", "monday=09:00-17:00,monday=10:00-11:00", "monday"] {
            #expect(throws: ClinicSettingsError.self, "\(bad)") { try OfficeHours(storedText: bad) }
        }
    }
}
