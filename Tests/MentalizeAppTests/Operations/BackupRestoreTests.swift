import Crypto
import Fluent
import Foundation
@testable import MentalizeApp
import MentalizeCore
import SQLKit
import Testing
import VaporTesting

/// Backups restore: every row of every table comes back as it was (timestamps, sealed process
/// notes, the audit chain), on SQLite and on PostgreSQL; a damaged, cut-off or foreign-key file is
/// refused before the database is touched; a database in use is not overwritten by accident.
@Suite struct BackupRestoreTests {
    @Test func aBackupRestoresEveryRowAsItWas() async throws {
        try await withTestApp(options: .init(seedDemo: true)) { app in
            // setup: activity that fills the audit log, and a sealed process note
            let ash = try await SignedInClients.web(app, userID: DemoStaff.therapistAsh.id)
            try await ash.get("/patients/\(SessionFixtures.avery.id.uuidString)")
            let session = try #require(try await SessionFixtures.latestPast(app, therapist: DemoStaff.therapistAsh.id) { $0.patientID == SessionFixtures.avery.id })
            try await ash.get(SessionFixtures.path(session) + "/process-note")
            let note = try await ash.post(SessionFixtures.path(session) + "/process-note", form: ["text": "Sealed reflection BK-7781"])
            let notePath = try #require(note.headers.first(name: .location))
            let before = try await Self.snapshot(app.db)
            #expect(before[AuditEventRecord.schema]?.isEmpty == false && before[ProcessNoteRecord.schema]?.count == 1)
            let file = FileManager.default.temporaryDirectory.appendingPathComponent("mentalize-backup-\(UUID().uuidString)")
            defer { try? FileManager.default.removeItem(at: file) }
            let key = try #require(app.storage[SecretKeyStorageKey.self])
            let migrations = try await DatabaseInspector(app.db).appliedMigrations()
            let written = try await BackupWriter(database: app.db, secretKey: key, migrations: migrations, now: app.clock.now()).write(to: file)
            #expect(written[Patient.schema] == DemoPatients.all.count)
            #expect(!(try String(contentsOf: file, encoding: .utf8).contains("Testpatient")), "rows are sealed, not readable in the file")
            // Changes after the backup are undone by the restore.
            try await RoomRecord(clinicID: DemoSeed.clinicID, name: "Added after the backup").create(on: app.db)
            try await DiaryEntryRecord.query(on: app.db).delete()
            let restorer = BackupRestorer(database: app.db, secretKey: key, appliedMigrations: Set(migrations))
            // act: a database in use is refused without the explicit flag, then replaced
            await #expect(throws: BackupError.targetInUse) { try await restorer.restore(from: file, replacingExistingData: false) }
            let restored = try await restorer.restore(from: file, replacingExistingData: true)
            // verify
            #expect(restored == written)
            let after = try await Self.snapshot(app.db)
            for table in BackupCatalog.tables {
                #expect(after[table.schema] == before[table.schema], "\(table.schema) differs after the restore")
            }
            if case .broken(let sequence, let reason) = try await AuditChainCheck(database: app.db).run(anchor: nil) {
                Issue.record("audit chain broken at \(sequence): \(reason)")
            }
            #expect(try await ash.get(notePath).status == .seeOther, "sign-in sessions of the replaced database end")
            let again = try await SignedInClients.web(app, userID: DemoStaff.therapistAsh.id)
            #expect(try await again.get(notePath).body.string.contains("Sealed reflection BK-7781"), "sealed data opens with the same key")
        }
    }

    @Test func storedTimesComeBackToTheMicrosecond() async throws {
        try await withTestApp(options: .init(seedDemo: true)) { app in
            // setup: times with parts below a microsecond, as the clock gives them
            let start = app.clock.now()
            for index in 0..<300 {
                let at = start.addingTimeInterval(Double(index) * 1.000_000_37 + 0.000_000_41)
                try await BreakGlassGrantRecord(userID: DemoStaff.therapistAsh.id, patientID: DemoPatients.all[3].id, reason: "Time precision \(index)",
                                                grantedAt: at, expiresAt: at.addingTimeInterval(3_600)).create(on: app.db)
            }
            let before = try await Self.storedGrantTimes(app)
            let file = FileManager.default.temporaryDirectory.appendingPathComponent("mentalize-backup-\(UUID().uuidString)")
            defer { try? FileManager.default.removeItem(at: file) }
            let key = try #require(app.storage[SecretKeyStorageKey.self])
            let migrations = try await DatabaseInspector(app.db).appliedMigrations()
            // act
            _ = try await BackupWriter(database: app.db, secretKey: key, migrations: migrations, now: app.clock.now()).write(to: file)
            _ = try await BackupRestorer(database: app.db, secretKey: key, appliedMigrations: Set(migrations)).restore(from: file, replacingExistingData: true)
            // verify: every stored value, exactly as the database holds it, is the same
            let after = try await Self.storedGrantTimes(app)
            #expect(before.count == 300)
            let moved = before.filter { after[$0.key] != $0.value }
            #expect(moved.isEmpty, "\(moved.count) stored times changed, e.g. \(moved.first.map { "\($0.value) → \(after[$0.key] ?? "none")" } ?? "")")
        }
    }

    /// The grants' times exactly as the database holds them, by reason (SQLite keeps a double).
    private static func storedGrantTimes(_ app: Application) async throws -> [String: String] {
        let sql = try app.sql
        let query: SQLQueryString = sql.dialect.name == "postgresql"
            ? "SELECT reason, granted_at::text || ' ' || expires_at::text AS stored FROM break_glass_grants"
            : "SELECT reason, printf('%.17g %.17g', granted_at, expires_at) AS stored FROM break_glass_grants"
        let rows = try await sql.raw(query).all()
        return Dictionary(try rows.map { (try $0.decode(column: "reason", as: String.self), try $0.decode(column: "stored", as: String.self)) }, uniquingKeysWith: { first, _ in first })
    }

    @Test func aDamagedCutOffOrForeignBackupIsRefusedAndNothingChanges() async throws {
        try await withTestApp(options: .init(seedDemo: true)) { app in
            // setup
            let file = FileManager.default.temporaryDirectory.appendingPathComponent("mentalize-backup-\(UUID().uuidString)")
            let broken = file.appendingPathExtension("broken")
            defer { [file, broken].forEach { try? FileManager.default.removeItem(at: $0) } }
            let key = try #require(app.storage[SecretKeyStorageKey.self])
            let migrations = try await DatabaseInspector(app.db).appliedMigrations()
            _ = try await BackupWriter(database: app.db, secretKey: key, migrations: migrations, now: app.clock.now()).write(to: file)
            await #expect(throws: BackupError.exists(file.path)) {
                _ = try await BackupWriter(database: app.db, secretKey: key, migrations: migrations, now: app.clock.now()).write(to: file)
            }
            let lines = try String(contentsOf: file, encoding: .utf8).split(separator: "\n").map(String.init)
            let restorer = BackupRestorer(database: app.db, secretKey: key, appliedMigrations: Set(migrations))
            let patients = try await Patient.query(on: app.db).count()
            func attempt(_ content: [String]) async throws -> BackupError? {
                try? FileManager.default.removeItem(at: broken)
                try content.joined(separator: "\n").write(to: broken, atomically: true, encoding: .utf8)
                do {
                    _ = try await restorer.restore(from: broken, replacingExistingData: true)
                    return nil
                } catch let error as BackupError {
                    return error
                }
            }
            // act + verify: each kind of damage is named, and the database is untouched
            #expect(try await attempt(Array(lines.dropLast())) == .damaged(line: lines.count - 1, reason: "the file is cut off before its closing record"))
            var swapped = lines
            swapped.swapAt(3, 4)
            #expect(try await attempt(swapped) == .damaged(line: 4, reason: "a record is missing or out of order"))
            var altered = lines
            altered[5] = String(altered[5].dropLast(4)) + "AAA="
            #expect(try await attempt(altered) == .damaged(line: 6, reason: "the line cannot be opened with this key or was altered"))
            var header = lines
            header[0] = header[0].replacingOccurrences(of: "\"createdAt\":\"", with: "\"createdAt\":\"1")
            #expect(try await attempt(header) != nil)
            #expect(try await attempt(["not a backup"]) == .notABackup)
            let foreign = BackupRestorer(database: app.db, secretKey: SymmetricKey(size: .bits256), appliedMigrations: Set(migrations))
            await #expect(throws: BackupError.wrongKey) { try await foreign.restore(from: file, replacingExistingData: true) }
            let older = BackupRestorer(database: app.db, secretKey: key, appliedMigrations: Set(migrations.dropLast()))
            await #expect(throws: BackupError.self) { try await older.restore(from: file, replacingExistingData: true) }
            #expect(try await Patient.query(on: app.db).count() == patients)
        }
    }

    @Test func everyTableIsBackedUpOrLeftOutOnPurpose() async throws {
        try await withTestApp { app in
            let sql = try app.sql
            let query: SQLQueryString = sql.dialect.name == "postgresql"
                ? "SELECT tablename AS name FROM pg_tables WHERE schemaname = current_schema()"
                : "SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%'"
            let tables = Set(try await sql.raw(query).all().map { try $0.decode(column: "name", as: String.self) })
            let covered = Set(BackupCatalog.tables.map(\.schema)).union(BackupCatalog.leftOut).union(["_fluent_migrations"])
            #expect(tables.subtracting(covered).isEmpty, "tables no backup holds: \(tables.subtracting(covered).sorted())")
            #expect(covered.subtracting(tables).isEmpty, "catalog entries without a table: \(covered.subtracting(tables).sorted())")
        }
    }

    /// Every backed-up table's rows as JSON, in id order.
    static func snapshot(_ database: any Database) async throws -> [String: [Data]] {
        var tables: [String: [Data]] = [:]
        for table in BackupCatalog.tables {
            var rows: [Data] = []
            _ = try await table.export(database) { rows.append($0) }
            tables[table.schema] = rows
        }
        return tables
    }
}
