import Foundation
import MentalizeCore
import Testing

@Suite struct ConflictTests {
    let jansen = Fx.user()
    let devries = Fx.user()

    func booking(_ label: String, _ therapists: [UserID], _ modality: SessionModality, _ day: String, _ start: String, minutes: Int) throws -> Booking {
        Booking(id: BookingID(source: UUID(), date: nil), label: label, therapists: therapists, modality: modality, slot: try Fx.slot(day, start, minutes: minutes))
    }

    @Test func aDoubleBookedTherapistIsRefusedNamingWhoWhatAndWhen() throws {
        // setup
        let group = try booking("Tuesday group", [jansen, devries], .inPerson(try Fx.room("Room 2")), "2024-03-05", "09:00", minutes: 90)
        let proposed = try booking("individual session", [jansen], .phone, "2024-03-05", "10:00", minutes: 50)
        // act + verify
        #expect(throws: ConflictRefusal.self) {
            try ConflictChecker.check(proposed: [proposed], existing: [group])
        }
        do {
            try ConflictChecker.check(proposed: [proposed], existing: [group])
            Issue.record("expected a refusal")
        } catch {
            #expect(error.conflicts.map(\.resource) == [.therapist(jansen)])
            #expect(error.conflicts.first?.existing == group && error.conflicts.first?.proposed == proposed)
            #expect(error.listed == error.conflicts && error.unlisted == 0)
        }
    }

    @Test func aDoubleBookedRoomClashesEvenWithOtherTherapists() throws {
        let room = try Fx.room("Room 2")
        let existing = try booking("Tuesday group", [jansen], .inPerson(room), "2024-03-05", "09:00", minutes: 90)
        let proposed = try booking("MBT-I", [devries], .inPerson(room), "2024-03-05", "10:29", minutes: 60)
        let found = ConflictChecker.conflicts(proposed: [proposed], existing: [existing])
        #expect(found.map(\.resource) == [.room(room)])
        let sameNameOtherRoom = try booking("MBT-I", [devries], .inPerson(try Fx.room("Room 2")), "2024-03-05", "10:00", minutes: 60)
        #expect(ConflictChecker.conflicts(proposed: [sameNameOtherRoom], existing: [existing]).isEmpty)
    }

    @Test func backToBackSessionsVideoAndPhoneAndTheReplacedVersionDoNotClash() throws {
        let room = try Fx.room("Room 1")
        let existing = try booking("individual session", [jansen], .inPerson(room), "2024-03-05", "09:00", minutes: 50)
        let after = try booking("individual session", [jansen], .inPerson(room), "2024-03-05", "09:50", minutes: 50)
        let before = try booking("individual session", [jansen], .phone, "2024-03-05", "08:10", minutes: 50)
        let moved = Booking(id: existing.id, label: "individual session", therapists: [jansen], modality: .inPerson(room), slot: try Fx.slot("2024-03-05", "09:30", minutes: 50))
        #expect(ConflictChecker.conflicts(proposed: [after, before, moved], existing: [existing]).isEmpty)
    }

    @Test func aProposedSeriesIsCheckedSessionBySessionAndTheMessageIsCapped() throws {
        let zone = try ClinicZone("Europe/London")
        let room = try Fx.room("Room 3")
        let window = try Fx.window("2024-01-01", "2024-04-01")
        let group = TherapyGroup(id: GroupID(UUID()), name: "Thursday group", therapists: try GroupTherapists([jansen]),
                                 slot: Fx.series(try Fx.weekly("Europe/London", first: "2024-01-04", at: "14:00", minutes: 90)),
                                 modality: .inPerson(room), roster: try GroupRoster(capacity: 8))
        let proposed = IndividualSeries(patient: Fx.patient(), therapist: jansen,
                                        series: Fx.series(try Fx.weekly("Europe/London", first: "2024-01-04", at: "15:00")), modality: .phone)
        let newBookings = proposed.bookings(in: window, label: "individual session")
        let found = ConflictChecker.conflicts(proposed: newBookings, existing: group.bookings(in: window))
        #expect(found.count == 13)
        do {
            try ConflictChecker.check(proposed: newBookings, existing: group.bookings(in: window), listed: 2)
            Issue.record("expected a refusal")
        } catch {
            #expect(error.conflicts == found)
            #expect(error.listed == Array(found.prefix(2)) && error.unlisted == 11)
            let first = try #require(error.listed.first)
            #expect(first.resource == .therapist(jansen))
            #expect(zone.slotText(first.existing.slot) == "Thu 4 Jan 2024, 14:00–15:30 (Europe/London)", "the existing session's time, in the clinic's zone")
        }
        // By default three clashes are spelled out, then the count.
        do {
            try ConflictChecker.check(proposed: newBookings, existing: group.bookings(in: window))
            Issue.record("expected a refusal")
        } catch {
            #expect(error.listed.count == 3 && error.unlisted == 10 && error.conflicts.count == 13)
        }
    }

    @Test func videoLinksMustBeHttpsOnTheClinicService() throws {
        let link = try VideoLink("https://video.clinic.example/room/abc?pin=1", serviceHost: "video.clinic.example")
        #expect(SessionModality.video(link).locationText == "https://video.clinic.example/room/abc?pin=1")
        #expect(try VideoLink("https://eu.video.clinic.example/x", serviceHost: "video.clinic.example").url.host == "eu.video.clinic.example")
        let refused = [
            "http://video.clinic.example/room/abc",
            "https://video.clinic.example.evil.test/room",
            "https://evilvideo.clinic.example/room",
            "https://someone@video.clinic.example/room",
            "https://video.clinic.example/room abc",
            "javascript:alert(1)",
            "",
        ]
        for text in refused {
            #expect(throws: SchedulingError.self, "\(text)") { try VideoLink(text, serviceHost: "video.clinic.example") }
        }
        let reasons: [(String, VideoLinkProblem)] = [
            ("http://video.clinic.example/room/abc", .notHTTPS),
            ("https://video.clinic.example.evil.test/room", .notTheService(host: "video.clinic.example")),
            ("https://someone@video.clinic.example/room", .userNameOrPassword),
            ("https://video.clinic.example/room abc", .spacesOrControlCharacters),
            ("https://video.clinic.example/" + String(repeating: "a", count: VideoLink.maximumLength), .tooLong(limit: VideoLink.maximumLength)),
        ]
        for (text, problem) in reasons {
            #expect(throws: SchedulingError.invalidVideoLink(problem), "\(text)") { try VideoLink(text, serviceHost: "video.clinic.example") }
        }
        #expect(throws: SchedulingError.emptyName(.roomName)) { try Fx.room("  ") }
        #expect(throws: SchedulingError.textTooLong(field: .roomName, limit: 100)) { try Fx.room(String(repeating: "r", count: 101)) }
        #expect(SessionModality.phone.locationText == "By phone")
    }
}
