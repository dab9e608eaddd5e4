import Foundation
import Vapor

/// The new-patient form, as typed, with its checks.
struct RegistrationForm: Content {
    var givenName: String?
    var familyName: String?
    var dateOfBirth: String?
    var source: String?
    var receivedOn: String?
    var reason: String?
    var urgency: String?
    var confirmDuplicate: String?

    static let urgencies = ["routine", "soon", "urgent"]

    /// The trimmed values, once ``problems(today:)`` is empty.
    struct Cleaned {
        let givenName: String
        let familyName: String
        let dateOfBirth: String
        let source: String
        let receivedOn: String
        let reason: String
        let urgency: String
    }

    var cleaned: Cleaned {
        Cleaned(givenName: trim(givenName), familyName: trim(familyName), dateOfBirth: trim(dateOfBirth), source: trim(source),
                receivedOn: trim(receivedOn), reason: trim(reason), urgency: trim(urgency))
    }

    /// Text keys for every problem, in form order.
    func problems(today: Date) -> [String] {
        let fields = cleaned
        var problems: [String] = []
        if !(1...100).contains(fields.givenName.count) || !(1...100).contains(fields.familyName.count) { problems.append("register.error.names") }
        if !FormCheck.isPastDate(fields.dateOfBirth, today: today) { problems.append("register.error.dateOfBirth") }
        if !(1...200).contains(fields.source.count) { problems.append("register.error.source") }
        if !FormCheck.isPastDate(fields.receivedOn, today: today) {
            problems.append("register.error.receivedOn")
        } else if FormCheck.isPastDate(fields.dateOfBirth, today: today), fields.receivedOn < fields.dateOfBirth {
            problems.append("register.error.receivedBeforeBirth")
        }
        if !(10...4000).contains(fields.reason.count) { problems.append("register.error.reason") }
        if !Self.urgencies.contains(fields.urgency) { problems.append("register.error.urgency") }
        return problems
    }

    private func trim(_ text: String?) -> String {
        (text ?? "").trimmingCharacters(in: .whitespacesAndNewlines)
    }
}
