import Foundation

/// What the training ledger holds for one therapist, in the terms schemes count: courses, cases
/// (counted from attendance), supervision sessions and rated clips.
public struct TrainingRecord: Sendable, Equatable {
    /// One treatment the therapist delivered.
    public struct Case: Sendable, Equatable {
        public let kind: CaseKind
        /// Sessions held with the patient (or group) with MBT as the treatment.
        public let sessions: Int
        /// Supervision minutes in which this case was discussed.
        public let supervisionMinutes: Int
        /// Lengths, in minutes, of this case's rated clips.
        public let ratedClipMinutes: [Int]

        public init(kind: CaseKind, sessions: Int, supervisionMinutes: Int = 0, ratedClipMinutes: [Int] = []) {
            self.kind = kind
            self.sessions = sessions
            self.supervisionMinutes = supervisionMinutes
            self.ratedClipMinutes = ratedClipMinutes
        }
    }

    public var courses: Set<String>
    public var cases: [Case]
    public var supervision: [SupervisionSessionFacts]

    public init(courses: Set<String> = [], cases: [Case] = [], supervision: [SupervisionSessionFacts] = []) {
        self.courses = courses
        self.cases = cases
        self.supervision = supervision
    }
}

/// How far a therapist has come on one requirement, as numbers: the app words them ("3 of 4
/// individual cases", "11 of 16 supervision sessions") in the reader's language.
public struct RequirementProgress: Sendable, Equatable {
    public let label: String
    public let met: Bool
    public let done: Double
    public let needed: Double
    /// What the count is made of, for the words under the requirement.
    public let detail: Detail

    /// The count of one requirement, by its kind.
    public enum Detail: Sendable, Equatable {
        /// A course: completed or not.
        case course(completed: Bool)
        /// The combination of cases the record comes closest to, kind by kind, each case counted
        /// when it had at least `minimumSessions` sessions.
        case cases([CaseCount], minimumSessions: Int)
        /// The scheme's cases requirement lists no combination.
        case noCombination
        /// Supervision in total: `done` (at most `needed`) of `needed`, in whole sessions or in hours.
        case supervision(done: Double, needed: Double, inSessions: Bool)
        /// Counted cases with at least `hours` of supervision each: `supervised` of `counted`.
        case supervisionPerCase(supervised: Int, counted: Int, hours: Double)
        /// Counted cases with `clipsPerCase` rated clips of at least `clipMinutes` each: `complete` of `counted`.
        case ratedClips(complete: Int, counted: Int, clipsPerCase: Int, clipMinutes: Int)
    }

    /// Cases of one kind in a combination: `done` (at most `needed`) of `needed`.
    public struct CaseCount: Sendable, Equatable {
        public let kind: CaseKind
        public let done: Int
        public let needed: Int

        public init(kind: CaseKind, done: Int, needed: Int) {
            self.kind = kind
            self.done = done
            self.needed = needed
        }
    }
}

extension AccreditationScheme {
    /// Progress on each requirement, in the scheme's order.
    public func progress(of record: TrainingRecord) -> [RequirementProgress] {
        requirements.map { requirement in
            switch requirement.kind {
            case .course:
                let done = record.courses.contains(requirement.course ?? "")
                return RequirementProgress(label: requirement.label, met: done, done: done ? 1 : 0, needed: 1, detail: .course(completed: done))
            case .cases:
                return casesProgress(requirement, record: record)
            case .supervision:
                let total = counting.total(record.supervision)
                let needed = requirement.amount ?? 0
                return RequirementProgress(label: requirement.label, met: total >= needed, done: total, needed: needed,
                                           detail: .supervision(done: min(total, needed), needed: needed, inSessions: counting.countsSessions))
            case .supervisionPerCase:
                let counted = countedCases(requirement: cases, record: record)
                let needed = requirement.amount ?? 0
                let supervised = counted.filter { Double($0.supervisionMinutes) / 60 >= needed }.count
                let target = max(counted.count, 1)
                return RequirementProgress(label: requirement.label, met: !counted.isEmpty && supervised == counted.count, done: Double(supervised), needed: Double(target),
                                           detail: .supervisionPerCase(supervised: supervised, counted: counted.count, hours: needed))
            case .ratedClips:
                let counted = countedCases(requirement: cases, record: record)
                let perCase = Int(requirement.amount ?? 0)
                let minutes = requirement.clipMinutes ?? 0
                let complete = counted.filter { $0.ratedClipMinutes.filter { $0 >= minutes }.count >= perCase }.count
                return RequirementProgress(label: requirement.label, met: !counted.isEmpty && complete == counted.count, done: Double(complete), needed: Double(max(counted.count, 1)),
                                           detail: .ratedClips(complete: complete, counted: counted.count, clipsPerCase: perCase, clipMinutes: minutes))
            }
        }
    }

    /// The scheme's cases requirement, which per-case requirements apply to.
    private var cases: Requirement? { requirements.first { $0.kind == .cases } }

    /// Cases long enough to count under the scheme's cases requirement (all cases when it has none).
    private func countedCases(requirement: Requirement?, record: TrainingRecord) -> [TrainingRecord.Case] {
        record.cases.filter { $0.sessions >= (requirement?.minimumSessions ?? 0) }
    }

    /// The combination the record comes closest to: met when any combination is complete.
    private func casesProgress(_ requirement: Requirement, record: TrainingRecord) -> RequirementProgress {
        let counted = countedCases(requirement: requirement, record: record)
        let have = Dictionary(grouping: counted, by: \.kind).mapValues(\.count)
        let options = requirement.combinations ?? []
        let scored = options.map { combination -> (done: Int, needed: Int, combination: [String: Int]) in
            let done = combination.map { kind, needed in min(have[CaseKind(rawValue: kind) ?? .individual] ?? 0, needed) }.reduce(0, +)
            return (done, combination.values.reduce(0, +), combination)
        }
        guard let best = scored.max(by: { Double($0.done) / Double(max($0.needed, 1)) < Double($1.done) / Double(max($1.needed, 1)) }) else {
            return RequirementProgress(label: requirement.label, met: false, done: 0, needed: 1, detail: .noCombination)
        }
        // Individual cases before groups.
        let parts = best.combination.sorted { $0.key > $1.key }.map { (name, needed) -> RequirementProgress.CaseCount in
            let kind = CaseKind(rawValue: name) ?? .individual
            return RequirementProgress.CaseCount(kind: kind, done: min(have[kind] ?? 0, needed), needed: needed)
        }
        return RequirementProgress(label: requirement.label, met: best.done >= best.needed, done: Double(best.done), needed: Double(best.needed),
                                   detail: .cases(parts, minimumSessions: requirement.minimumSessions ?? 0))
    }
}

/// The accreditation schemes shipped with Mentalize (one JSON file each), checked on loading.
public enum AccreditationCatalog {
    public static func loadBundled() throws -> [AccreditationScheme] {
        guard let folder = Bundle.module.url(forResource: "Accreditation", withExtension: nil, subdirectory: "Resources") else {
            throw AccreditationCatalogError(problems: ["Resources/Accreditation: folder not found in the bundle"])
        }
        let names = try FileManager.default.contentsOfDirectory(atPath: folder.path).filter { $0.hasSuffix(".json") }.sorted()
        let schemes = try names.map { try JSONDecoder().decode(AccreditationScheme.self, from: Data(contentsOf: folder.appendingPathComponent($0))) }
        let problems = schemes.flatMap { $0.problems() }
        guard problems.isEmpty else { throw AccreditationCatalogError(problems: problems) }
        return schemes
    }
}

/// Shipped scheme files that do not hold together.
public struct AccreditationCatalogError: Error, Equatable, CustomStringConvertible {
    public let problems: [String]
    public var description: String { problems.joined(separator: "; ") }
}
