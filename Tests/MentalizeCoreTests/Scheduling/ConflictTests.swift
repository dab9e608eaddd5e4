import Foundation
import MentalizeCore
import Testing

@Suite struct ConflictTests {
    let jansen = Fx.user()
    let devries = Fx.user()

    func booking(_ label: String, _ therapists: [UserID], _ modality: SessionModality, _ day: String, _ start: String, minutes: Int) throws -> Booking {
        Booking(id: BookingID(source: UUID(), date: nil), label: label, therapists: therapists, modality: modality, slot: try Fx.slot(day, start, minutes: minutes))
    }

    @Test func aDoubleBookedTherapistIsRefusedNamingWhoWhatAndWhenInTheClinicZone() throws {
        // setup
        let zone = try ClinicZone("Europe/Amsterdam")
        let group = try booking("Tuesday group", [jansen, devries], .inPerson(try Fx.room("Room 2")), "2024-03-05", "09:00", minutes: 90)
        let proposed = try booking("individual session", [jansen], .phone, "2024-03-05", "10:00", minutes: 50)
        // act + verify
        #expect(throws: ConflictRefusal.self) {
            try ConflictChecker.check(proposed: [proposed], existing: [group], zone: zone, staffNames: [jansen: "Dr Jansen"])
        }
        do {
            try ConflictChecker.check(proposed: [proposed], existing: [group], zone: zone, staffNames: [jansen: "Dr Jansen"])
        } catch {
            #expect(error.conflicts.count == 1)
            #expect(error.description == "Dr Jansen is already booked on Tue 5 Mar 2024, 10:00–11:30 (Europe/Amsterdam) for Tuesday group, "
                + "which overlaps individual session on Tue 5 Mar 2024, 11:00–11:50 (Europe/Amsterdam).")
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
            try ConflictChecker.check(proposed: newBookings, existing: group.bookings(in: window), zone: zone, staffNames: [:], listed: 2)
            Issue.record("expected a refusal")
        } catch {
            #expect(error.description.hasPrefix("The therapist is already booked on Thu 4 Jan 2024, 14:00–15:30 (Europe/London)"))
            #expect(error.description.hasSuffix("And 11 more clashes (13 in all)."))
            #expect(error.description.contains("Thu 28 Mar 2024") == false)
        }
        // By default three clashes are spelled out, then the count.
        do {
            try ConflictChecker.check(proposed: newBookings, existing: group.bookings(in: window), zone: zone, staffNames: [:])
            Issue.record("expected a refusal")
        } catch {
            #expect(error.description.components(separatedBy: "is already booked on").count - 1 == 3)
            #expect(error.description.hasSuffix("And 10 more clashes (13 in all)."))
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
        #expect(throws: SchedulingError.emptyName("room name")) { try Fx.room("  ") }
        #expect(SessionModality.phone.locationText == "By phone")
    }
}
