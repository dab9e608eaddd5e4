import Foundation

/// An accreditation scheme as data (one JSON file per scheme): its levels' requirements, and how it
/// counts supervision. Schemes change: the files say where their numbers come from, and a clinic
/// can replace them.
public struct AccreditationScheme: Codable, Sendable, Equatable, Identifiable {
    public let id: String
    public let name: String
    /// Where the requirements were published, and when they were read.
    public let source: String
    public let counting: SupervisionCounting
    public let requirements: [Requirement]

    /// One requirement of the scheme.
    public struct Requirement: Codable, Sendable, Equatable {
        public enum Kind: String, Codable, Sendable {
            /// A course, by the key the training ledger records it under.
            case course
            /// Supervised cases: any one of `combinations` (e.g. 4 individual, or 2 groups, or 2 + 1),
            /// each case with at least `minimumSessions` sessions held with MBT as the treatment.
            case cases
            /// Supervision in the scheme's counting, in total.
            case supervision
            /// Supervision hours per counted case.
            case supervisionPerCase
            /// Rated clips of at least `clipMinutes` per counted case.
            case ratedClips
        }

        public let kind: Kind
        public let label: String
        public var course: String?
        public var combinations: [[String: Int]]?
        public var minimumSessions: Int?
        public var amount: Double?
        public var clipMinutes: Int?
    }

    /// Checks a scheme read from a file: every requirement carries what its kind needs.
    public func problems() -> [String] {
        var problems: [String] = []
        if id.isEmpty || name.isEmpty { problems.append("a scheme needs an id and a name") }
        if requirements.isEmpty { problems.append("\(id): no requirements") }
        for (index, requirement) in requirements.enumerated() {
            let at = "\(id) requirement \(index + 1)"
            switch requirement.kind {
            case .course where (requirement.course ?? "").isEmpty: problems.append("\(at): a course requirement names its course")
            case .cases where (requirement.combinations ?? []).isEmpty || (requirement.minimumSessions ?? 0) < 1:
                problems.append("\(at): cases need combinations and a minimum of sessions")
            case .cases where (requirement.combinations ?? []).contains { $0.isEmpty || $0.keys.contains { !CaseKind.allRawValues.contains($0) } || $0.values.contains { $0 < 1 } }:
                problems.append("\(at): a combination counts individual and group cases, at least one each")
            case .supervision, .supervisionPerCase:
                if (requirement.amount ?? 0) <= 0 { problems.append("\(at): supervision needs an amount") }
            case .ratedClips where (requirement.amount ?? 0) <= 0 || (requirement.clipMinutes ?? 0) <= 0:
                problems.append("\(at): rated clips need a number per case and their minutes")
            default: break
            }
        }
        return problems
    }
}

/// Whether a supervised case was individual therapy or a group.
public enum CaseKind: String, Codable, Sendable, CaseIterable {
    case individual, group

    static let allRawValues = Set(allCases.map(\.rawValue))
}
