import Foundation
@testable import MentalizeCore

/// A minimal pair: `higher` should score above `lower` on `measure`. `{X}` (`{Xc}` capitalised) is replaced by each subject.
struct ContrastPair: Sendable {
    enum Measure: String, Sendable {
        case explanationQuality, psychicEquivalence, teleological, pretend, otherCertainty, mentalStates
    }

    var measure: Measure
    var lower: String
    var higher: String

    static let subjects = ["he", "she", "my mum", "my boss", "my partner", "Sam"]

    /// The pair written once per subject.
    func expanded() -> [ContrastPair] {
        guard lower.contains("{X") || higher.contains("{X") else { return [self] }
        return Self.subjects.map { subject in
            ContrastPair(measure: measure, lower: Self.fill(lower, subject), higher: Self.fill(higher, subject))
        }
    }

    private static func fill(_ template: String, _ subject: String) -> String {
        let capitalised = subject.prefix(1).uppercased() + subject.dropFirst()
        return template.replacingOccurrences(of: "{Xc}", with: capitalised)
            .replacingOccurrences(of: "{X}", with: subject)
    }

    func value(_ analysis: MentalizingAnalysis) -> Double {
        switch measure {
        case .explanationQuality: return analysis.explanationQuality?.score ?? -1
        case .psychicEquivalence: return strength(.psychicEquivalence, analysis)
        case .teleological: return strength(.teleological, analysis)
        case .pretend: return strength(.pretend, analysis)
        case .otherCertainty: return analysis.certaintyAboutOthers?.value ?? 0.5
        case .mentalStates: return analysis.features["states"] ?? 0
        }
    }

    private func strength(_ mode: PrementalizingMode, _ analysis: MentalizingAnalysis) -> Double {
        analysis.signals.first { $0.mode == mode }?.strength ?? 0
    }
}
