import Fluent
import Foundation
@testable import MentalizeApp
import SQLKit
import Testing
import VaporTesting

/// SQLite writes go through one writer: transactions that read and then write, run at once from
/// many tasks, all commit (before, SQLite refused some at once with "database is locked"); a write
/// that waits too long gives up with a 503 that keeps what the person typed.
@Suite struct SingleWriterTests {
    @Test func theWriterIsHandedOnInOrderAndAWaitHasALimit() async throws {
        let gate = SQLiteWriterGate(maximumWait: .milliseconds(300))
        let order = OrderLog()
        let (held, signal) = AsyncStream<Void>.makeStream()
        async let first: Void = gate.withWriter {
            signal.yield()
            await order.append(1)
            try await Task.sleep(for: .milliseconds(100))
            await order.append(2)
        }
        var signals = held.makeAsyncIterator()
        await signals.next()
        async let second: Void = gate.withWriter { await order.append(3) }
        try await first
        try await second
        #expect(await order.values == [1, 2, 3], "the second writer ran only after the first was done")

        // The holder keeps the writer until the waiter has given up, however slow the machine.
        let (release, releaseSignal) = AsyncStream<Void>.makeStream()
        async let holder: Void = gate.withWriter {
            signal.yield()
            for await _ in release { break }
        }
        await signals.next()
        await #expect(throws: SQLiteWriterBusy.self) { try await gate.withWriter {} }
        releaseSignal.yield()
        try await holder
        try await gate.withWriter {}
    }

    @Test func concurrentTransactionsThatReadThenWriteAllCommit() async throws {
        guard TestDatabase.postgresURL == nil else { return }
        // Ordering is under test, not speed: the write wait is long enough for a loaded machine.
        var environment = try await TestEnvironment.make()
        environment.configuration.writeWaitSeconds = 300
        try await withTestApp(environment) { app in
            let sql = try app.sql
            try await sql.raw("CREATE TABLE tally (id INTEGER PRIMARY KEY, writer INTEGER NOT NULL, seen INTEGER NOT NULL)").run()
            let writers = 16, rounds = 10
            try await withThrowingTaskGroup(of: Void.self) { group in
                for writer in 0..<writers {
                    group.addTask {
                        for _ in 0..<rounds {
                            try await app.db.transaction { db in
                                let sql = try #require(db as? any SQLDatabase)
                                let seen = try await sql.raw("SELECT count(*) AS n FROM tally").first()?.decode(column: "n", as: Int.self) ?? 0
                                try await sql.raw("INSERT INTO tally (writer, seen) VALUES (\(bind: writer), \(bind: seen))").run()
                            }
                        }
                    }
                }
                try await group.waitForAll()
            }
            let rows = try await sql.raw("SELECT seen FROM tally ORDER BY id").all().map { try $0.decode(column: "seen", as: Int.self) }
            #expect(rows.count == writers * rounds)
            #expect(rows == Array(0..<(writers * rounds)), "each transaction saw every write before it: they ran one at a time")
        }
    }

    @Test func aFormThatCannotBeSavedInTimeIsGivenBack() async throws {
        guard TestDatabase.postgresURL == nil else { return }
        var environment = try await TestEnvironment.make()
        environment.configuration.writeWaitSeconds = 1
        try await withTestApp(environment, options: .init(seedDemo: true)) { app in
            let patient = try await SignedInClients.web(app, userID: DemoPatients.all[0].userID)
            try await patient.get("/me/diary/new")
            let entries = try await DiaryEntryRecord.query(on: app.db).count()
            let text = "The bus was late and I thought my therapist would think I did not care."
            let gate = try #require(app.db as? SQLiteSingleWriterDatabase).gate
            let (held, signal) = AsyncStream<Void>.makeStream()
            let (release, releaseSignal) = AsyncStream<Void>.makeStream()
            async let holder: Void = gate.withWriter {
                signal.yield()
                for await _ in release { break }
            }
            for await _ in held { break }
            let response = try await patient.post("/me/diary/new", form: ["key": UUID().uuidString, "whatHappened": text, "action": "save"])
            releaseSignal.yield()
            try await holder
            #expect(response.status == .serviceUnavailable && response.headers.first(name: .retryAfter) == "5")
            #expect(response.body.string.contains("busy") && response.body.string.contains(text), "the entry is shown back to copy")
            #expect(try await DiaryEntryRecord.query(on: app.db).count() == entries, "nothing half-saved")
            #expect(try await patient.get("/me/diary").status == .ok, "reading goes on")
        }
    }
}

/// Records the order in which concurrent work ran.
private actor OrderLog {
    private(set) var values: [Int] = []
    func append(_ value: Int) { values.append(value) }
}
