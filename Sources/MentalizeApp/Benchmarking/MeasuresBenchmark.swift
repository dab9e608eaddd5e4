import Fluent
import Foundation
import MentalizeCore
import Vapor

/// The measurement benchmark (see Benchmarks/README.md): scoring throughput against a plain
/// sum of the same answers, and the time to serve a patient's outcome page holding 5 years of
/// monthly responses to 4 instruments against two baseline pages of the same app, in the same
/// run (the patient overview, which reads the same patient through the same access door, and
/// /healthz). Requests go through the app's full middleware and router in process.
public enum MeasuresBenchmark {
    public static func run(requests: Int = 200) async throws -> String {
        LoggingSetup.bootstrap(levelName: "error")
        var lines: [String] = []
        lines += try scoring()
        lines += try await pages(requests: requests)
        return lines.joined(separator: "\n")
    }

    static func scoring() throws -> [String] {
        let catalog = try InstrumentCatalog.loadBundled()
        guard let phq = catalog.definition(id: "phq-9") else { return ["phq-9 missing"] }
        let answerSets = (0..<1_000).map { seed in
            Dictionary(uniqueKeysWithValues: (1...9).map { ("phq9-\($0)", ItemAnswer.code(String((seed * 7 + $0 * 3) % 4))) })
        }
        let rounds = 50
        var checksum = 0.0
        let scoringTime = try timed {
            for _ in 0..<rounds { for answers in answerSets { checksum += try ScoringEngine.score(phq, answers: answers).primary?.value ?? 0 } }
        }
        var baselineSum = 0.0
        let baselineTime = timed {
            for _ in 0..<rounds {
                for answers in answerSets {
                    for (_, answer) in answers { if case .code(let code) = answer { baselineSum += Double(code) ?? 0 } }
                }
            }
        }
        let count = Double(rounds * answerSets.count)
        return [
            "scoring (PHQ-9, skip logic, bands, risk rules): \(Int(count / scoringTime)) responses/s on one core",
            "baseline (plain sum of the same answers): \(Int(count / baselineTime)) responses/s; scoring takes \(String(format: "%.0f", scoringTime / baselineTime))x its time",
            "checksums \(Int(checksum)) = \(Int(baselineSum)) (same answers, so equal)",
        ]
    }

    static func pages(requests: Int) async throws -> [String] {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("mentalize-bench-\(UUID().uuidString)")
        let configuration = AppConfiguration(host: "127.0.0.1", port: 0, dataDirectory: folder,
                                             database: .sqlite(path: AppConfiguration.defaultSQLitePath(in: folder)), logLevel: "error")
        var environment = Environment.production
        environment.arguments = ["bench"]
        let (app, _) = try await AppBootstrap.makeApplication(configuration, environment: environment, options: .init(seedDemo: true))
        defer { try? FileManager.default.removeItem(at: folder) }
        do {
            let patient = DemoPatients.all[0]
            try await seedHistory(app, patientID: patient.id, userID: patient.userID)
            let token = try await SessionStore(database: app.db, rules: .init(), now: app.clock.now())
                .start(userID: DemoStaff.therapistAsh.id, kind: "web", secondFactorDone: true).token
            let paths = [("outcome page (4 instruments x 60 monthly responses)", "/patients/\(patient.id.uuidString)/measures"),
                         ("baseline: patient overview", "/patients/\(patient.id.uuidString)"),
                         ("baseline: /healthz", "/healthz")]
            var medians: [Double] = []
            var lines: [String] = []
            let timer = PageTimer(app: app, token: token)
            for (name, path) in paths {
                let (median, p90) = try await timer.measure(path, requests: requests)
                medians.append(median)
                lines.append("\(name): median \(String(format: "%.2f", median)) ms, p90 \(String(format: "%.2f", p90)) ms")
            }
            lines.append("outcome page / overview = \(String(format: "%.1f", medians[0] / medians[1]))x; outcome page / healthz = \(String(format: "%.0f", medians[0] / medians[2]))x")
            try await app.asyncShutdown()
            return lines
        } catch {
            try? await app.asyncShutdown()
            throw error
        }
    }

    /// 60 monthly responses to PHQ-9, GAD-7, CORE-10 and WSAS, replacing the demo's history.
    private static func seedHistory(_ app: Application, patientID: UUID, userID: UUID) async throws {
        try await MeasureResponse.query(on: app.db).filter(\.$patient.$id == patientID).delete()
        let catalog = try app.measurement.catalog
        let start = app.clock.now().addingTimeInterval(-5 * 365 * 86_400)
        try await app.db.transaction { database in
            for id in ["phq-9", "gad-7", "core-10", "wsas"] {
                guard let definition = catalog.definition(id: id) else { continue }
                let questions = definition.allItems.filter(\.isQuestion)
                for month in 0..<60 {
                    var answers: [String: ItemAnswer] = [:]
                    for (index, item) in questions.enumerated() {
                        guard let options = item.answerOptions, !options.isEmpty else { continue }
                        answers[item.linkId] = .code(options[(month + index) % options.count].code)
                    }
                    answers["phq9-9"] = id == "phq-9" ? .code("0") : nil
                    let kept = ResponseProgress(definition: definition, answers: answers).answers
                    let score = try ScoringEngine.score(definition, answers: kept)
                    let response = MeasureResponse()
                    response.$patient.id = patientID
                    response.instrumentID = id
                    response.instrumentVersion = definition.version
                    response.entryMode = ResponseEntryMode.patient.rawValue
                    response.$enteredBy.id = userID
                    response.idempotencyKey = "bench:\(id):\(month)"
                    response.answersJSON = MeasureAnswers.encode(kept)
                    let date = start.addingTimeInterval(Double(month) * 30.4 * 86_400)
                    (response.startedAt, response.completedAt) = (date, date)
                    response.scoreJSON = MeasureAnswers.encode(score)
                    response.primaryScore = score.primary?.value
                    try await response.create(on: database)
                }
            }
        }
    }

    private static func timed(_ body: () throws -> Void) rethrows -> Double {
        let start = DispatchTime.now().uptimeNanoseconds
        try body()
        return Double(DispatchTime.now().uptimeNanoseconds - start) / 1_000_000_000
    }
}
