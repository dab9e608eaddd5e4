import Fluent
import Foundation
import MentalizeCore
import Vapor

/// `/me/training/evidence/:schemeID`: the printable evidence pack for one accreditation scheme:
/// the clinician's progress, courses, cases (by initials, with their first and last sessions),
/// supervision log with each supervisor's attestation, and rated clips with their scores. A case's
/// initials are shown when the clinician may still list the patient (through the policy, audited
/// as a list); a case no longer on their caseload is shown by its dates only.
struct EvidencePackController: RouteCollection {
    func boot(routes: any RoutesBuilder) throws {
        try routes.get(.myTrainingEvidence, use: page)
    }

    func page(_ request: Request) async throws -> Response {
        let user = try request.requireRole([.therapist, .supervisor])
        guard let schemeID = request.parameters.get("schemeID"), let scheme = TrainingLedgerController.schemes.first(where: { $0.id == schemeID }) else {
            throw Abort(.notFound)
        }
        let zone = try await request.clinicZone()
        let queries = TrainingProgressQueries(database: request.db)
        let courses = try await TrainingLedgerStore(database: request.db).courses(of: user.id)
        let clips = try await queries.ratedClips(of: user.id)
        let cases = try await queries.cases(of: user.id, clips: clips)
        let supervision = try await queries.supervisionSessions(of: user.id)
        let record = try await queries.record(of: user.id, courses: courses)
        let initials = try await ScheduleNames(request: request).initials(cases.compactMap(\.patientID) + clips.compactMap { $0.$patient.id })
        let groupNames = try await SupervisionQueries(database: request.db).groupNames(cases.compactMap(\.groupID))
        let ratings = try await FidelityStore(database: request.db).ratings(of: clips.compactMap(\.id))
        let scales = try await FidelityScaleStore(database: request.db).ratable()
        let names = try await StaffNames(database: request.db).names(for: [user.id] + supervision.map { $0.session.$supervisor.id })
        let day: (Date) -> String = { zone.dayText(zone.localDate(of: $0), in: DisplayTime.language) }
        let context = EvidencePackContext(
            page: PageChrome(titleKey: "evidence.title", request: request), clinician: names[user.id] ?? user.user.displayName, scheme: scheme.name, source: scheme.source,
            printed: day(request.now), ledgerPath: SiteRoute.myTraining.path,
            requirements: zip(scheme.requirements, scheme.progress(of: record)).map { requirement, progress in
                .init(label: requirement.label, met: progress.met, text: RequirementProgressText.text(progress.detail))
            },
            courses: courses.map { .init(completed: (try? LocalDate(iso: $0.completedOn)).map { zone.dayText($0, in: DisplayTime.language) } ?? $0.completedOn, name: $0.name, provider: $0.provider,
                                         days: $0.days, certificate: $0.certificateReference) },
            cases: cases.map { evidence in
                .init(kind: evidence.kind.rawValue,
                      who: evidence.patientID.flatMap { initials[$0] } ?? evidence.groupID.flatMap { groupNames[$0] } ?? "",
                      first: day(evidence.first), last: day(evidence.last), sessions: evidence.sessions, clips: evidence.clipMinutes.count)
            },
            supervision: supervision.map { evidence in
                let session = evidence.session
                return .init(day: (try? LocalDate(iso: session.heldOn)).map { zone.dayText($0, in: DisplayTime.language) } ?? session.heldOn, minutes: session.minutes,
                             format: SupervisionController.formatText(session.format, participants: evidence.participants),
                             material: SupervisionController.materialText(session.material),
                             cases: session.casesText, supervisor: names[session.$supervisor.id] ?? "", attested: DisplayTime.clinic(session.attestedAt, zone: zone))
            },
            clips: try clips.map { clip in
                let scale = scales[clip.scaleID]
                let cores = try (ratings[try clip.requireID()] ?? []).compactMap { rating in try scale.flatMap { try FidelityStore.coreRating(rating, scale: $0) } }
                return .init(day: day(clip.sessionStart), who: clip.$patient.id.flatMap { initials[$0] } ?? "", minutes: FidelityController.minutesText(clip),
                             scale: scale?.title ?? clip.scaleID, raters: cores.count,
                             adherence: FidelityController.mean(FidelityController.average(cores.compactMap { $0.total(.adherence) })),
                             quality: FidelityController.mean(FidelityController.average(cores.compactMap { $0.total(.quality) })))
            })
        let response = try await request.view.render("evidence-pack", context).encodeResponse(for: request)
        response.headers.replaceOrAdd(name: .cacheControl, value: "no-store")
        return response
    }
}

/// What the evidence pack shows.
struct EvidencePackContext: Encodable {
    struct Course: Encodable {
        let completed: String
        let name: String
        let provider: String
        let days: Int
        let certificate: String
    }

    struct Case: Encodable {
        let kind: String
        /// Initials, or the group's name; empty when the patient is no longer listable.
        let who: String
        let first: String
        let last: String
        let sessions: Int
        let clips: Int
    }

    struct Supervision: Encodable {
        let day: String
        let minutes: Int
        let format: String
        let material: String
        let cases: String
        let supervisor: String
        let attested: String
    }

    struct Clip: Encodable {
        let day: String
        let who: String
        let minutes: String
        let scale: String
        let raters: Int
        let adherence: String
        let quality: String
    }

    let page: PageChrome
    let clinician: String
    let scheme: String
    let source: String
    let printed: String
    let ledgerPath: String
    let requirements: [TrainingLedgerContext.Requirement]
    let courses: [Course]
    let cases: [Case]
    let supervision: [Supervision]
    let clips: [Clip]
}
