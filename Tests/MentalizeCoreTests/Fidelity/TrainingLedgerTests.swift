import Foundation
import Testing
@testable import MentalizeCore

/// Supervision counted each scheme's way, and progress toward the shipped accreditation schemes.
@Suite struct TrainingLedgerTests {
    private func session(_ minutes: Int, group: Int? = nil, material: Bool = true) -> SupervisionSessionFacts {
        SupervisionSessionFacts(minutes: minutes, format: group.map { .group(participants: $0) } ?? .individual, materialShown: material)
    }

    @Test func theDutchRegisterCountsSessionsAndGroupsByHalfTheirSize() {
        let dutch = SupervisionCounting(kind: .sessions, individualMinutes: 45, groupMinutesPerTwo: 60)
        #expect(dutch.credit(session(45)) == 1 && dutch.credit(session(90)) == 2 && dutch.credit(session(40)) == 0)
        #expect(dutch.credit(session(60, group: 2)) == 1, "a pair: 60 minutes is one session")
        #expect(dutch.credit(session(120, group: 4)) == 1, "a group of four: (4 / 2) × 60 minutes is one session")
        #expect(dutch.credit(session(90, group: 4)) == 0)
    }

    @Test func babcpCountsAShareOfTheGroupWithMaterialAndAtMostFour() {
        let babcp = SupervisionCounting(kind: .groupShare, groupFactor: 2, maxGroupSize: 4, requiresMaterial: true)
        #expect(babcp.credit(session(90, group: 3)) == 1, "(90 ÷ 3) × 2 = 60 individual-equivalent minutes")
        #expect(babcp.credit(session(90, group: 5)) == 0, "groups of more than four do not count")
        #expect(babcp.credit(session(60, material: false)) == 0, "live or recorded material is required")
        #expect(babcp.credit(session(60)) == 1)
    }

    @Test func theShippedSchemesLoadAndHoldTogether() throws {
        let schemes = try AccreditationCatalog.loadBundled()
        #expect(Set(schemes.map(\.id)) == ["afc-practitioner", "nl-mbt-basistherapeut", "no-mbt-terapeut"])
        var broken = try #require(schemes.first)
        broken = AccreditationScheme(id: broken.id, name: broken.name, source: broken.source, counting: broken.counting,
                                     requirements: [.init(kind: .cases, label: "x", combinations: [["couples": 2]], minimumSessions: 24)])
        #expect(broken.problems() == ["afc-practitioner requirement 1: a combination counts individual and group cases, at least one each"])
    }

    @Test func progressTowardTheAFCPractitioner() throws {
        let afc = try #require(try AccreditationCatalog.loadBundled().first { $0.id == "afc-practitioner" })
        let record = TrainingRecord(courses: ["mbt-basic"], cases: [
            .init(kind: .individual, sessions: 30, supervisionMinutes: 300, ratedClipMinutes: [15, 15, 20]),
            .init(kind: .individual, sessions: 26, supervisionMinutes: 180, ratedClipMinutes: [15]),
            .init(kind: .individual, sessions: 24, supervisionMinutes: 240, ratedClipMinutes: [15, 15, 15]),
            .init(kind: .individual, sessions: 12, supervisionMinutes: 60),
        ])
        let progress = afc.progress(of: record)
        #expect(progress.map(\.met) == [true, false, false, false, false])
        #expect(progress[0].detail == .course(completed: true) && progress[1].detail == .course(completed: false))
        #expect(progress[2].detail == .cases([.init(kind: .individual, done: 3, needed: 4)], minimumSessions: 24), "the 12-session case does not count yet")
        #expect(progress[3].detail == .supervisionPerCase(supervised: 2, counted: 3, hours: 4))
        #expect(progress[4].detail == .ratedClips(complete: 2, counted: 3, clipsPerCase: 3, clipMinutes: 15))
        let group = TrainingRecord(courses: ["mbt-basic", "mbt-practitioner"], cases: [
            .init(kind: .individual, sessions: 40, supervisionMinutes: 240, ratedClipMinutes: [15, 15, 15]),
            .init(kind: .individual, sessions: 24, supervisionMinutes: 250, ratedClipMinutes: [16, 15, 15]),
            .init(kind: .group, sessions: 36, supervisionMinutes: 300, ratedClipMinutes: [15, 15, 15]),
        ])
        let complete = afc.progress(of: group)
        #expect(complete.allSatisfy { $0.met }, "two individual cases and a group is one of the allowed combinations: \(complete.map(\.detail))")
        #expect(complete[2].detail == .cases([.init(kind: .individual, done: 2, needed: 2), .init(kind: .group, done: 1, needed: 1)], minimumSessions: 24),
                "individual cases first, then groups")
    }

    @Test func progressTowardTheDutchBasistherapeutInSessions() throws {
        let dutch = try #require(try AccreditationCatalog.loadBundled().first { $0.id == "nl-mbt-basistherapeut" })
        let log = Array(repeating: session(45), count: 9) + [session(60, group: 2), session(50, group: 2)]
        let progress = dutch.progress(of: TrainingRecord(cases: [.init(kind: .group, sessions: 40)], supervision: log))
        #expect(progress[0].detail == .supervision(done: 10, needed: 16, inSessions: true), "nine individual sessions and one full pair session; 50 minutes in a pair is not one")
        #expect(progress[1].detail == .cases([.init(kind: .group, done: 1, needed: 2)], minimumSessions: 1) && !progress[1].met)
    }
}
