import Fluent
import Foundation
import MentalizeCore
import Vapor

/// A user's sessions as an iCalendar feed (four weeks back, half a year ahead): a patient's own
/// appointments, or a therapist's sessions. Summaries carry no clinical detail and no patient names.
struct CalendarFeedBuilder {
    let database: any Database
    let loader: ScheduleLoader
    let now: Date

    func sessions(for user: UserAccount) async throws -> [ScheduledSession] {
        let userID = try user.requireID()
        let window = try TimeSlot(start: now.addingTimeInterval(-28 * 86_400), end: now.addingTimeInterval(26 * 7 * 86_400))
        var sessions: [ScheduledSession] = []
        for patient in try await SessionQueries(database: database).patients(ofAccount: userID) {
            sessions += try await loader.forPatient(try patient.requireID(), in: window)
        }
        if user.roleNames.contains(Role.therapist.rawValue) {
            sessions += try await loader.forTherapist(userID, in: window)
        }
        return sessions.sorted { $0.slot.start < $1.slot.start }
    }

    func feed(for user: UserAccount, domain: String) async throws -> String {
        let events = try await sessions(for: user).compactMap { session -> CalendarEvent? in
            let summary = session.patientID != nil ? PageText.text("session.kind.individual") : session.title
            return try? CalendarEvent(uid: CalendarEvent.uid(for: session.booking.id, domain: domain), slot: session.slot, summary: summary,
                                      location: session.modality.locationText, status: session.takesPlace ? .confirmed : .cancelled,
                                      sequence: Self.sequence(session.status))
        }
        return ICalendarWriter.render(CalendarFeed(name: "Mentalize", events: events), stamp: now)
    }

    /// Moved and cancelled sessions get a higher sequence so calendar apps take the new version.
    static func sequence(_ status: OccurrenceStatus) -> Int {
        switch status {
        case .scheduled: 0
        case .moved: 1
        case .cancelled: 2
        }
    }
}
