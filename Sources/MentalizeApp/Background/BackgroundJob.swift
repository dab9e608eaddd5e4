import Fluent
import Foundation
import Vapor

/// Work that comes due with time rather than with a request: escalating alerts nobody
/// acknowledged, bringing questionnaire assignments up to date. Pages never do it (a GET never
/// writes); each node's runner offers every job once per tick and the node whose conditional
/// update claims it runs it, so a cluster runs each job once per interval.
protocol BackgroundJob: Sendable {
    /// A stable name, the job's key in the claim table.
    var name: String { get }
    /// How long after one run the next one is due.
    var interval: TimeInterval { get }
    func run(_ application: Application, now: Date) async throws
}

/// The claim row of one job: when it last ran, and on which node.
final class BackgroundJobRecord: Model, @unchecked Sendable {
    static let schema = "background_jobs"

    @ID(custom: "name", generatedBy: .user) var id: String?
    @Field(key: "last_run_at") var lastRunAt: Date
    @Field(key: "holder") var holder: String

    init() {}
}
