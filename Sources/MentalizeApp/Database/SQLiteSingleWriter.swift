import Fluent
import FluentSQLiteDriver
import Foundation
import SQLKit
import Vapor

/// Fluent's SQLite database with one writer: every write (a transaction, or a lone INSERT, UPDATE
/// or DELETE) first takes the process's ``SQLiteWriterGate``, and transactions begin with
/// `BEGIN IMMEDIATE`, so they hold SQLite's write lock from their first statement. A transaction
/// that read and then wrote could otherwise fail at once with "database is locked" when another
/// connection had written in between; now writers queue in order and readers run beside them.
/// `busy_timeout` stays as a backstop for other processes (`mentalize backup`, `user create`).
struct SQLiteSingleWriterDatabase: Database, SQLDatabase {
    let base: any Database & SQLDatabase
    let gate: SQLiteWriterGate
    let inTransaction: Bool

    var context: DatabaseContext { base.context }
    var logger: Logger { base.logger }
    var eventLoop: any EventLoop { base.eventLoop }
    var dialect: any SQLDialect { base.dialect }
    var version: (any SQLDatabaseReportedVersion)? { base.version }
    var queryLogLevel: Logger.Level? { base.queryLogLevel }

    func execute(query: DatabaseQuery, onOutput: @escaping @Sendable (any DatabaseOutput) -> Void) -> EventLoopFuture<Void> {
        switch query.action {
        case .read, .aggregate:
            return base.execute(query: query, onOutput: onOutput)
        default:
            var query = query
            query.input = query.input.map(Self.wholeMicroseconds)
            return asWriter { [query] in try await base.execute(query: query, onOutput: onOutput).get() }
        }
    }

    /// Times are stored as whole microseconds, as PostgreSQL stores them and as the driver reads
    /// them back, so a value read, backed up and restored is stored again exactly as it was (a
    /// clock reading carries parts of a microsecond, which SQLite would otherwise keep).
    static func wholeMicroseconds(_ value: DatabaseQuery.Value) -> DatabaseQuery.Value {
        switch value {
        case .bind(let bound as Date):
            .bind(Date(timeIntervalSinceReferenceDate: (bound.timeIntervalSinceReferenceDate * 1_000_000).rounded() / 1_000_000))
        case .dictionary(let values):
            .dictionary(values.mapValues(wholeMicroseconds))
        case .array(let values):
            .array(values.map(wholeMicroseconds))
        default:
            value
        }
    }

    func execute(schema: DatabaseSchema) -> EventLoopFuture<Void> {
        asWriter { try await base.execute(schema: schema).get() }
    }

    func execute(enum: DatabaseEnum) -> EventLoopFuture<Void> {
        base.execute(enum: `enum`)
    }

    func execute(sql query: any SQLExpression, _ onRow: @escaping @Sendable (any SQLRow) -> Void) -> EventLoopFuture<Void> {
        guard Self.writes(serialize(query).sql) else { return base.execute(sql: query, onRow) }
        return asWriter { try await base.execute(sql: query, onRow).get() }
    }

    func withConnection<T>(_ closure: @escaping @Sendable (any Database) -> EventLoopFuture<T>) -> EventLoopFuture<T> {
        base.withConnection { connection in
            closure(Self.wrapping(connection, gate: gate, inTransaction: inTransaction))
        }
    }

    func transaction<T>(_ closure: @escaping @Sendable (any Database) -> EventLoopFuture<T>) -> EventLoopFuture<T> {
        guard !inTransaction else { return closure(self) }
        return eventLoop.makeFutureWithTask { [base, gate] in
            try await gate.withWriter {
                try await base.withConnection { connection in
                    let transaction = Self.wrapping(connection, gate: gate, inTransaction: true)
                    try await transaction.base.raw("BEGIN IMMEDIATE").run()
                    do {
                        let result = try await closure(transaction).map { UncheckedResult(value: $0) }.get()
                        try await transaction.base.raw("COMMIT").run()
                        return result
                    } catch {
                        try? await transaction.base.raw("ROLLBACK").run()
                        throw error
                    }
                }
            }
        }.map(\.value)
    }

    /// Runs a lone write as the writer; inside a transaction the writer is already held.
    private func asWriter(_ work: @escaping @Sendable () async throws -> Void) -> EventLoopFuture<Void> {
        guard !inTransaction else { return eventLoop.makeFutureWithTask(work) }
        return eventLoop.makeFutureWithTask { [gate] in try await gate.withWriter(work) }
    }

    /// Whether a statement may write: anything but a query (`SELECT`, `WITH … SELECT` reads are
    /// queued only if they say more than SELECT) or a pragma that is only read.
    static func writes(_ sql: String) -> Bool {
        let text = sql.drop(while: { $0.isWhitespace || $0 == "(" }).uppercased()
        if text.hasPrefix("SELECT") || text.hasPrefix("EXPLAIN") { return false }
        if text.hasPrefix("PRAGMA") { return text.contains("=") }
        return true
    }

    private static func wrapping(_ database: any Database, gate: SQLiteWriterGate, inTransaction: Bool) -> SQLiteSingleWriterDatabase {
        guard let sql = database as? any Database & SQLDatabase else {
            preconditionFailure("Fluent's SQLite database is always an SQL database")
        }
        return SQLiteSingleWriterDatabase(base: sql, gate: gate, inTransaction: inTransaction)
    }
}

/// Carries a transaction's result (Fluent's closures are generic over any `T`) out of the writer.
private struct UncheckedResult<T>: @unchecked Sendable {
    let value: T
}

/// Registers SQLite with one writer per file (see ``SQLiteSingleWriterDatabase``).
struct SQLiteSingleWriterConfiguration: DatabaseConfiguration {
    var base: any DatabaseConfiguration
    let gate: SQLiteWriterGate

    var middleware: [any AnyModelMiddleware] {
        get { base.middleware }
        set { base.middleware = newValue }
    }

    func makeDriver(for databases: Databases) -> any DatabaseDriver {
        Driver(base: base.makeDriver(for: databases), gate: gate)
    }

    private struct Driver: DatabaseDriver {
        let base: any DatabaseDriver
        let gate: SQLiteWriterGate

        func makeDatabase(with context: DatabaseContext) -> any Database {
            guard let sql = base.makeDatabase(with: context) as? any Database & SQLDatabase else {
                preconditionFailure("Fluent's SQLite database is always an SQL database")
            }
            return SQLiteSingleWriterDatabase(base: sql, gate: gate, inTransaction: false)
        }

        func shutdown() { base.shutdown() }
        func shutdownAsync() async { await base.shutdownAsync() }
    }
}

extension DatabaseConfigurationFactory {
    /// SQLite at `path` with one writer (a fresh gate for each registration).
    static func sqliteSingleWriter(path: String, maximumWait: Duration) -> DatabaseConfigurationFactory {
        DatabaseConfigurationFactory {
            SQLiteSingleWriterConfiguration(base: DatabaseConfigurationFactory.sqlite(.file(path), sqlLogLevel: nil).make(), gate: SQLiteWriterGate(maximumWait: maximumWait))
        }
    }
}
