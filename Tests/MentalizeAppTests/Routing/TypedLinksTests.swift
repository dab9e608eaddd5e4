import Foundation
@testable import MentalizeApp
import MentalizeCore
import Testing

/// Every route that takes parameters can be linked through a typed link function, and each
/// function fills exactly the parameters it names.
@Suite struct TypedLinksTests {
    static let id = UUID()
    /// Every typed link function, applied to one route.
    static func links(_ key: SessionKey) -> [(SiteRoute) -> String] { [
        { $0.path(patient: id) }, { $0.path(patient: id, instrument: "phq-9") }, { $0.path(patient: id, version: 2) },
        { $0.path(alert: id) }, { $0.path(assignment: id) }, { $0.path(response: id) }, { $0.path(instrument: "phq-9") },
        { $0.path(thread: id) }, { $0.path(entry: id) }, { $0.path(module: "attachment") }, { $0.path(session: key) },
        { $0.path(note: id) }, { $0.path(group: id) }, { $0.path(group: id, membership: id) }, { $0.path(group: id, waitingListEntry: id) },
        { $0.path(user: id) }, { $0.path(grant: id) }, { $0.path(planItem: id) }, { $0.path(room: id) }, { $0.path(holiday: id) },
        { $0.path(relationship: id) }, { $0.path(feedToken: "token") }, { $0.path(token: "token") }, { $0.path(helpline: id) }, { $0.path(course: id) }, { $0.path(rating: id) }, { $0.path(scheme: "afc-practitioner") },
    ] }

    static func sessionKey() throws -> SessionKey {
        SessionKey(source: id, date: try LocalDate(year: 2026, month: 11, day: 18))
    }

    @Test func everyRouteWithParametersHasATypedLink() throws {
        let links = Self.links(try Self.sessionKey())
        for route in SiteRoute.allCases where route.rawValue.contains(":") {
            #expect(links.contains { !$0(route).contains(":") }, "\(route.rawValue) has no typed link")
        }
    }

    @Test func aTypedLinkFillsItsParameters() throws {
        let key = try Self.sessionKey()
        #expect(SiteRoute.patientMeasureChart.path(patient: Self.id, instrument: "gad-7") == "/patients/\(Self.id.uuidString)/measures/gad-7/chart.svg")
        #expect(SiteRoute.session.path(session: key) == "/sessions/\(key.description)")
        #expect(SiteRoute.groupMemberLeave.path(group: Self.id, membership: Self.id) == "/groups/\(Self.id.uuidString)/members/\(Self.id.uuidString)/leave")
    }
}
