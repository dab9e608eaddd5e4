import Foundation

/// One supervision session as the log keeps it: how long, alone or in a group of n, and whether
/// live or recorded material was shown.
public struct SupervisionSessionFacts: Sendable, Equatable {
    public enum Format: Sendable, Equatable {
        case individual
        /// Supervisees in the group (the supervisor not counted), at least two.
        case group(participants: Int)
    }

    public let minutes: Int
    public let format: Format
    public let materialShown: Bool

    public init(minutes: Int, format: Format, materialShown: Bool) {
        self.minutes = minutes
        self.format = format
        self.materialShown = materialShown
    }
}

/// How an accreditation scheme counts supervision, as data: plain time; BABCP-style
/// individual-equivalent time for groups ((minutes ÷ n) × factor, groups of at most `maxGroupSize`,
/// material required); or Dutch-register sessions (an individual session of `individualMinutes`,
/// and for a group of n, (n / 2) × `groupMinutesPerTwo` minutes as one session).
public struct SupervisionCounting: Codable, Sendable, Equatable {
    public enum Kind: String, Codable, Sendable {
        case minutes, groupShare, sessions
    }

    public let kind: Kind
    public var groupFactor: Double?
    public var maxGroupSize: Int?
    public var requiresMaterial: Bool?
    public var individualMinutes: Int?
    public var groupMinutesPerTwo: Int?

    public init(kind: Kind, groupFactor: Double? = nil, maxGroupSize: Int? = nil, requiresMaterial: Bool? = nil,
                individualMinutes: Int? = nil, groupMinutesPerTwo: Int? = nil) {
        self.kind = kind
        self.groupFactor = groupFactor
        self.maxGroupSize = maxGroupSize
        self.requiresMaterial = requiresMaterial
        self.individualMinutes = individualMinutes
        self.groupMinutesPerTwo = groupMinutesPerTwo
    }

    /// Whether credit is in whole sessions (else hours).
    public var countsSessions: Bool { kind == .sessions }

    /// What one session counts for: hours, or (for `sessions`) whole sessions.
    public func credit(_ session: SupervisionSessionFacts) -> Double {
        if requiresMaterial == true && !session.materialShown { return 0 }
        let minutes = Double(max(0, session.minutes))
        switch (kind, session.format) {
        case (.minutes, _):
            return minutes / 60
        case (.groupShare, .individual):
            return minutes / 60
        case (.groupShare, .group(let n)):
            guard n >= 1, n <= (maxGroupSize ?? .max) else { return 0 }
            return minutes / Double(n) * (groupFactor ?? 1) / 60
        case (.sessions, .individual):
            return (minutes / Double(max(1, individualMinutes ?? 45))).rounded(.down)
        case (.sessions, .group(let n)):
            let one = Double(max(2, n)) / 2 * Double(max(1, groupMinutesPerTwo ?? 60))
            return (minutes / one).rounded(.down)
        }
    }

    /// The total credit of a log.
    public func total(_ sessions: [SupervisionSessionFacts]) -> Double {
        sessions.map(credit).reduce(0, +)
    }
}
