import Foundation
import MentalizeCore
import Testing

@Suite struct GroupRosterTests {
    @Test func membershipOnDatesIsInclusiveOfJoinAndLeaveDays() throws {
        // setup
        var roster = try GroupRoster(capacity: 8)
        let ann = Fx.patient()
        let ben = Fx.patient()
        // act
        try roster.join(ann, on: try Fx.day("2024-01-09"))
        try roster.join(ben, on: try Fx.day("2024-02-06"))
        try roster.leave(ann, on: try Fx.day("2024-03-05"))
        // verify
        #expect(roster.members(on: try Fx.day("2024-01-08")).isEmpty)
        #expect(roster.members(on: try Fx.day("2024-01-09")) == [ann])
        #expect(roster.members(on: try Fx.day("2024-02-06")) == [ann, ben])
        #expect(roster.members(on: try Fx.day("2024-03-05")) == [ann, ben])
        #expect(roster.members(on: try Fx.day("2024-03-06")) == [ben])
        #expect(!roster.isMember(ann, on: try Fx.day("2024-06-01")))
    }

    @Test func aFormerMemberMayRejoinButNotTwiceAtOnce() throws {
        var roster = try GroupRoster(capacity: 8)
        let ann = Fx.patient()
        try roster.join(ann, on: try Fx.day("2024-01-09"))
        #expect(throws: GroupRefusal.alreadyMember(since: try Fx.day("2024-01-09"))) { try roster.join(ann, on: try Fx.day("2024-02-01")) }
        try roster.leave(ann, on: try Fx.day("2024-03-05"))
        #expect(throws: GroupRefusal.alreadyMember(since: try Fx.day("2024-01-09"))) { try roster.join(ann, on: try Fx.day("2024-03-05")) }
        try roster.join(ann, on: try Fx.day("2024-09-03"))
        #expect(roster.memberships.count == 2)
        #expect(throws: GroupRefusal.notAMember(on: try Fx.day("2024-06-01"))) { try roster.leave(ann, on: try Fx.day("2024-06-01")) }
    }

    @Test func capacityCountsMembersAlreadyBookedToJoinLater() throws {
        var roster = try GroupRoster(capacity: 2)
        try roster.join(Fx.patient(), on: try Fx.day("2024-01-09"))
        try roster.join(Fx.patient(), on: try Fx.day("2024-05-07"))
        #expect(roster.freePlaces(from: try Fx.day("2024-02-01")) == 0)
        #expect(throws: GroupRefusal.full(on: try Fx.day("2024-05-07"), capacity: 2)) { try roster.join(Fx.patient(), on: try Fx.day("2024-02-01")) }
        #expect(throws: GroupRefusal.invalidCapacity(0, allowed: 1...12)) { try GroupRoster(capacity: 0) }
    }

    @Test func theWaitingListIsPromotedInOrderWhenPlacesFreeUp() throws {
        // setup
        var roster = try GroupRoster(capacity: 2)
        let members = [Fx.patient(), Fx.patient()]
        let waiting = [Fx.patient(), Fx.patient(), Fx.patient()]
        for member in members { try roster.join(member, on: try Fx.day("2024-01-09")) }
        for (index, patient) in waiting.enumerated() { try roster.addToWaitingList(patient, since: try Fx.day("2024-01-0\(index + 1)")) }
        #expect(throws: GroupRefusal.alreadyWaiting) { try roster.addToWaitingList(waiting[0], since: try Fx.day("2024-02-01")) }
        #expect(roster.promoteFromWaitingList(on: try Fx.day("2024-02-01")).isEmpty)
        // act
        try roster.leave(members[0], on: try Fx.day("2024-03-05"))
        try roster.leave(members[1], on: try Fx.day("2024-03-05"))
        let tooEarly = roster.promoteFromWaitingList(on: try Fx.day("2024-03-05"))
        let promoted = roster.promoteFromWaitingList(on: try Fx.day("2024-03-12"))
        // verify
        #expect(tooEarly.isEmpty)
        #expect(promoted == [waiting[0], waiting[1]])
        #expect(roster.waitingList.map(\.patient) == [waiting[2]])
        #expect(roster.members(on: try Fx.day("2024-03-12")) == [waiting[0], waiting[1]])
        try roster.removeFromWaitingList(waiting[2])
        #expect(throws: GroupRefusal.notWaiting) { try roster.removeFromWaitingList(waiting[2]) }
    }

    @Test func groupsHaveOneOrTwoDistinctTherapists() throws {
        let a = Fx.user()
        #expect(throws: SchedulingError.therapistCount(0)) { try GroupTherapists([]) }
        #expect(throws: SchedulingError.therapistCount(3)) { try GroupTherapists([a, Fx.user(), Fx.user()]) }
        #expect(throws: SchedulingError.duplicateTherapist) { try GroupTherapists([a, a]) }
        #expect(try GroupTherapists([a, Fx.user()]).ids.count == 2)
    }
}
