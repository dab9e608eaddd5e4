import Fluent
import Foundation
import MentalizeCore
import Vapor

/// `/programme/fidelity`, the lead's view of fidelity rating: how much material is rated, a random
/// sample of single-rated material for second raters, agreement per rater pair (ICC(2,1) and
/// ICC(3,1) of the totals with 95 % intervals and Koo & Li's bands) and raters drifting from the
/// others. Aggregates only: no patient, no session, no feedback text. Listing the material and
/// asking second raters go through the policy and are audited.
struct ProgrammeFidelityController: RouteCollection {
    func boot(routes: any RoutesBuilder) throws {
        try routes.get(.programmeFidelity, use: page)
        try routes.post(.programmeFidelitySample, use: sample)
    }

    func page(_ request: Request) async throws -> Response {
        _ = try request.requireRole([.programmeLead])
        return try await render(request, share: "20", pool: nil, notice: nil, problems: [], status: .ok)
    }

    func sample(_ request: Request) async throws -> Response {
        let lead = try request.requireRole([.programmeLead])
        let fields = try request.form([String: String].self)
        let shareText = (fields["share"] ?? "").trimmingCharacters(in: .whitespaces)
        // The raters to draw from: the clinicians the lead ticked (trained raters), never anyone else.
        let chosen = Set(fields.compactMap { key, value in key.hasPrefix("rater.") && value == "on" ? UUID(uuidString: String(key.dropFirst("rater.".count))) : nil })
        let store = FidelityStore(database: request.db)
        let clips = try await store.allClips()
        let raters = try await store.ratings(of: clips.compactMap(\.id))
        let pool = Array(Set(try await StaffDirectory(database: request.db).raters().map(\.id)).intersection(chosen)).map(UserID.init)
        let materials = try clips.map { clip in
            RatedMaterial(id: try clip.requireID(), therapist: UserID(clip.$therapist.id), raters: Set((raters[try clip.requireID()] ?? []).map { UserID($0.$rater.id) }))
        }
        var generator = SystemRandomNumberGenerator()
        let picks: [(material: UUID, rater: UserID)]
        do {
            guard let percent = Double(shareText) else { throw SamplingError.shareOutOfRange }
            guard !pool.isEmpty else {
                return try await render(request, share: shareText, pool: chosen, notice: nil, problems: [PageText.text("programmeFidelity.error.noRater")], status: .badRequest)
            }
            picks = try SecondRaterSampling.draw(from: materials, share: percent / 100, pool: pool, load: try await store.openLoad().reduce(into: [:]) { $0[UserID($1.key)] = $1.value },
                                                 using: &generator)
        } catch let error as SamplingError {
            return try await render(request, share: shareText, pool: chosen, notice: nil, problems: [Self.text(error)], status: .badRequest)
        }
        let access = try request.patientAccess()
        let byID = Dictionary(clips.compactMap { clip in clip.id.map { ($0, clip) } }, uniquingKeysWith: { kept, _ in kept })
        for pick in picks {
            guard let clip = byID[pick.material] else { continue }
            let asked = FidelityRatingRecord()
            asked.$clip.id = pick.material
            asked.$rater.id = pick.rater.rawValue
            asked.$askedBy.id = lead.id
            asked.askedAt = request.now
            try await access.authorize(.write, FidelityStore.descriptor(clip, raters: (raters[pick.material] ?? []) + [asked]), recordType: RecordKind.fidelityRating.rawValue,
                                       recordID: pick.material.uuidString)
            try await asked.create(on: request.db)
        }
        return try await render(request, share: shareText, pool: chosen, notice: "\(picks.count)", problems: [], status: .ok)
    }

    /// The page; `pool` is the raters ticked (nil: every clinician, the first time).
    private func render(_ request: Request, share: String, pool: Set<UUID>?, notice: String?, problems: [String], status: HTTPResponseStatus) async throws -> Response {
        let access = try request.patientAccess()
        let store = FidelityStore(database: request.db)
        let clips = try await store.allClips()
        let raters = try await store.ratings(of: clips.compactMap(\.id))
        try await access.auditListed(Array(Set(clips.compactMap { $0.$patient.id })), kind: .fidelityRating, scope: try await access.listScope(.fidelityRating))
        let ratable = try await FidelityScaleStore(database: request.db).ratable()
        var ratingsByScale: [String: [FidelityRating]] = [:]
        for clip in clips {
            guard let scale = ratable[clip.scaleID], let id = clip.id else { continue }
            for rating in raters[id] ?? [] {
                if let core = try FidelityStore.coreRating(rating, scale: scale) { ratingsByScale[scale.id, default: []].append(core) }
            }
        }
        let names = try await StaffNames(database: request.db).names(for: raters.values.flatMap { $0.map { $0.$rater.id } })
        let name: (String) -> String = { UUID(uuidString: $0).flatMap { names[$0] } ?? "" }
        let all = raters.values.flatMap { $0 }
        let context = ProgrammeFidelityContext(
            page: PageChrome(titleKey: "programmeFidelity.title", request: request), csrfToken: request.csrfToken, samplePath: SiteRoute.programmeFidelitySample.path,
            clips: clips.count, asked: all.count, submitted: all.filter { $0.submittedAt != nil }.count,
            doubleRated: raters.values.filter { $0.filter { $0.submittedAt != nil }.count >= 2 }.count,
            share: share, sampled: notice, problems: problems,
            raters: try await Self.raterChoices(request, ticked: pool),
            scales: ratingsByScale.keys.sorted().compactMap { id in
                guard let scale = ratable[id], let ratings = ratingsByScale[id] else { return nil }
                return .init(title: scale.title,
                             pairs: PairAgreement.pairs(ratings, items: scale.items.map(\.id)).map { pair in
                                 .init(raters: "\(name(pair.first)) · \(name(pair.second))", shared: pair.shared,
                                       cells: ProgrammeFidelityContext.cells(absolute: pair.absolute, consistency: pair.consistency),
                                       items: zip(scale.items, pair.items).map { item, agreement in
                                           .init(label: item.label, cells: ProgrammeFidelityContext.cells(absolute: agreement.absolute, consistency: agreement.consistency))
                                       })
                             },
                             drift: FidelityDimension.allCases.flatMap { dimension in
                                 FidelityAgreement.drift(ratings, dimension: dimension).filter(\.flagged).map { drift in
                                     Self.driftText(drift, rater: name(drift.rater), dimension: dimension)
                                 }
                             })
            })
        let response = try await request.view.render("programme-fidelity", context).encodeResponse(for: request)
        response.status = status
        return response
    }
}

extension ProgrammeFidelityController {
    /// A refused sample in the page's language.
    static func text(_ error: SamplingError) -> String {
        switch error {
        case .shareOutOfRange: PageText.text("programmeFidelity.error.share")
        }
    }

    /// "Robin Ash: adherence +1.3 points from the others over 4 pieces", in the page's language.
    static func driftText(_ drift: FidelityAgreement.Drift, rater: String, dimension: FidelityDimension) -> String {
        let points = (drift.meanDeviation < 0 ? "-" : "+") + NumberText.decimal(abs(drift.meanDeviation), digits: 1, in: DisplayTime.language)
        return PageText.text("programmeFidelity.driftLine", ["rater": rater, "dimension": FidelityRatingRefusalText.dimensionName(dimension),
                                                            "points": points, "count": String(drift.materials)])
    }

    /// Every clinician who may rate (supervisors, then therapists), ticked as given.
    static func raterChoices(_ request: Request, ticked: Set<UUID>?) async throws -> [ProgrammeFidelityContext.Rater] {
        try await StaffDirectory(database: request.db).raters()
            .map { .init(field: "rater.\($0.id.uuidString)", name: $0.name, ticked: ticked?.contains($0.id) ?? true) }
    }
}

/// What the lead's fidelity page shows.
struct ProgrammeFidelityContext: Encodable {
    /// A clinician the sample may draw second raters from.
    struct Rater: Encodable {
        let field: String
        let name: String
        let ticked: Bool
    }

    /// One intraclass correlation in words: the value, its interval and Koo & Li's bands.
    struct Cell: Encodable {
        let value: String
        let interval: String
        let band: String
    }

    struct Pair: Encodable {
        let raters: String
        let shared: Int
        /// Adherence ICC(2,1), adherence ICC(3,1), quality ICC(2,1), quality ICC(3,1) of the totals.
        let cells: [Cell]
        /// The same four per item.
        let items: [ItemRow]
    }

    struct ItemRow: Encodable {
        let label: String
        let cells: [Cell]
    }

    /// The four cells of a row: adherence then quality, each absolute then consistency.
    static func cells(absolute: [FidelityDimension: IntraclassCorrelation], consistency: [FidelityDimension: IntraclassCorrelation]) -> [Cell] {
        FidelityDimension.allCases.flatMap { [cell(absolute[$0]), cell(consistency[$0])] }
    }

    struct Scale: Encodable {
        let title: String
        let pairs: [Pair]
        let drift: [String]
    }

    let page: PageChrome
    let csrfToken: String
    let samplePath: String
    let clips: Int
    let asked: Int
    let submitted: Int
    let doubleRated: Int
    let share: String
    /// How many second ratings the last sample asked for.
    let sampled: String?
    let problems: [String]
    let raters: [Rater]
    let scales: [Scale]

    static func cell(_ icc: IntraclassCorrelation?) -> Cell {
        guard let icc else { return Cell(value: "–", interval: "", band: "programmeFidelity.tooFew") }
        let bands = icc.bands
        let band = bands.lowerBound == bands.upperBound ? "programmeFidelity.band.\(bands.lowerBound)" : "programmeFidelity.band.\(bands.lowerBound)-\(bands.upperBound)"
        let number = { NumberText.decimal($0, digits: 2, in: DisplayTime.language) }
        // "[0.13, 0.98]"; where the comma is the decimal separator, "[0,13; 0,98]".
        let separator = number(0.5).contains(",") ? "; " : ", "
        return Cell(value: number(icc.value), interval: "[\(number(icc.lower))\(separator)\(number(icc.upper))]", band: band)
    }
}
