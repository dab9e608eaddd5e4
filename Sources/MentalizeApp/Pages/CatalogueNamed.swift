import MentalizeCore

/// A core value named in the page's language: the catalogue's `<textPrefix>.<rawValue>`.
protocol CatalogueNamed: RawRepresentable where RawValue == String {
    static var textPrefix: String { get }
}

extension CatalogueNamed {
    /// The name in the current page's language.
    var localizedName: String { PageText.text("\(Self.textPrefix).\(rawValue)") }
}

extension MBTIntervention: CatalogueNamed {
    static var textPrefix: String { "mbt.intervention" }
}

extension PrementalizingMode: CatalogueNamed {
    static var textPrefix: String { "mbt.mode" }
}

extension MentalizingPole: CatalogueNamed {
    static var textPrefix: String { "mbt.pole" }
}

extension ProgrammePhase: CatalogueNamed {
    static var textPrefix: String { "programme.phase" }
}

extension ProgrammeExit: CatalogueNamed {
    static var textPrefix: String { "programme.exit" }
}

extension ReviewStatus: CatalogueNamed {
    static var textPrefix: String { "review.status" }
}

extension ProgrammeStatus {
    /// "Treatment", or "Left the programme: dropped out", in the page's language.
    var localizedName: String {
        switch self {
        case .inPhase(let phase): phase.localizedName
        case .exited(let exit): PageText.text("programme.exited", ["exit": exit.localizedName])
        }
    }
}
