public import Foundation

/// A linear combination of named features, with optional cut points that turn the score into a level.
public struct LinearModel: Codable, Sendable, Equatable {
    public var bias: Double
    public var weights: [String: Double]
    /// Ascending cut points: level = number of thresholds the score reaches.
    public var thresholds: [Double]?

    public func score(_ features: [String: Double]) -> Double {
        weights.reduce(bias) { $0 + $1.value * (features[$1.key] ?? 0) }
    }

    public func level(for score: Double) -> Int {
        (thresholds ?? []).filter { score >= $0 }.count
    }
}

/// The readable weights of the analyzer (`Resources/Mentalizing/weights.json`).
public struct MentalizingWeights: Codable, Sendable, Equatable {
    public var explanationQuality: LinearModel
    /// Predicts a 1–6 certainty rating (Pei & Jurgens scale) from hedges and boosters.
    public var certainty: LinearModel
    /// Weight of each prementalizing-mode rule; negative weights are counter-evidence.
    public var modeRules: [String: Double]
    /// Evaluation only: when true, texts are analysed even if the risk screen fires (the screen's
    /// matches are still reported). Research scoring of story answers uses it; the bundled weights
    /// never set it, so the product path always routes risk language to safety first.
    public var evaluationOnlyBypassSafetyGate: Bool?

    /// Reads a weights file; the error names the file and what is wrong with it.
    public init(contentsOf url: URL) throws {
        let data: Data
        do { data = try Data(contentsOf: url) } catch {
            throw MentalizingError.unreadableWeights(path: url.path, reason: error.localizedDescription)
        }
        do { self = try JSONDecoder().decode(MentalizingWeights.self, from: data) } catch {
            throw MentalizingError.unreadableWeights(path: url.path, reason: String(describing: error))
        }
    }

    /// The bundled weights, decoded on first use. Nil only if the bundled resource is damaged.
    static let bundled: MentalizingWeights? = {
        guard let url = MentalizingResources.url(named: "weights") else { return nil }
        return try? MentalizingWeights(contentsOf: url)
    }()
}

/// Errors of the mentalizing analyzer's set-up.
public enum MentalizingError: Error, Equatable, CustomStringConvertible {
    case unreadableWeights(path: String, reason: String)
    case missingBundledResource(name: String)

    public var description: String {
        switch self {
        case let .unreadableWeights(path, reason): return "cannot read weights file \(path): \(reason)"
        case let .missingBundledResource(name): return "the bundled resource \(name).json is missing or damaged"
        }
    }
}
