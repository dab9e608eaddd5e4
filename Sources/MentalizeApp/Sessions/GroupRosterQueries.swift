import Fluent
import Foundation
import MentalizeCore

/// Group membership in database terms. Spells are stored as instants: joining at the start of the
/// join date and leaving at the end of the (inclusive) leave date in the clinic's zone, so the
/// access policy's `start <= now < end` matches the core's inclusive dates.
struct GroupRosterQueries {
    let database: any Database

    /// The group's therapists at `instant` (started, not yet ended), with their accounts: the one
    /// place the "current group therapists" rule is written.
    func currentTherapists(of groupID: UUID, at instant: Date) async throws -> [GroupTherapistRecord] {
        try await GroupTherapistRecord.query(on: database).filter(\.$group.$id == groupID).filter(\.$startsAt <= instant)
            .group(.or) { $0.filter(\.$endsAt == nil).filter(\.$endsAt > instant) }.with(\.$therapist).all()
    }

    /// Members whose spell covers `instant`, ordered by family then given name.
    func members(of groupID: UUID, at instant: Date) async throws -> [Patient] {
        let spells = try await GroupMembershipRecord.query(on: database).filter(\.$group.$id == groupID).filter(\.$joinedAt <= instant).with(\.$patient).all()
            .filter { $0.leftAt.map { instant < $0 } ?? true }
        return spells.map(\.patient).sorted { ($0.familyName, $0.givenName) < ($1.familyName, $1.givenName) }
    }

    /// The core roster (capacity, spells, waiting list) for the group's rules.
    func roster(of group: TherapyGroup, zone: ClinicZone) async throws -> GroupRoster {
        var roster = try GroupRoster(capacity: min(max(group.capacity, GroupRoster.allowedCapacity.lowerBound), GroupRoster.allowedCapacity.upperBound))
        let groupID = try group.requireID()
        let spells = try await GroupMembershipRecord.query(on: database).filter(\.$group.$id == groupID).sort(\.$joinedAt).all()
        for spell in spells {
            let patient = PatientID(spell.$patient.id)
            try? roster.join(patient, on: zone.localDate(of: spell.joinedAt))
            if let left = spell.leftAt { try? roster.leave(patient, on: zone.localDate(of: left).adding(days: -1)) }
        }
        let waiting = try await WaitingListRecord.query(on: database).filter(\.$group.$id == groupID).sort(\.$addedAt).all()
        for entry in waiting {
            if let since = try? LocalDate(iso: entry.since) { try? roster.addToWaitingList(PatientID(entry.$patient.id), since: since) }
        }
        return roster
    }

    /// The instant a spell starts: the beginning of the join date.
    static func joinInstant(_ date: LocalDate, zone: ClinicZone) -> Date {
        zone.instant(on: date, at: .midnight)
    }

    /// The instant a spell ends: the beginning of the day after the (inclusive) leave date.
    static func leaveInstant(_ date: LocalDate, zone: ClinicZone) -> Date {
        zone.instant(on: date.adding(days: 1), at: .midnight)
    }
}
