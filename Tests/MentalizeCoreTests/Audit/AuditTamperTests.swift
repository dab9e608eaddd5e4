import Foundation
import MentalizeCore
import Testing

/// Tamper trials: every modification an attacker with write access to the audit table could make.
struct AuditTamperTests {
    typealias Fx = AuditFixtures
    static let length = 40
    static let positions = [0, 1, 19, 38, 39]

    @Test("changing any field of any row is detected at that row",
          arguments: AuditFixtures.fields, positions)
    func modifyField(field: String, position: Int) throws {
        // setup
        var rows = try Fx.chain(Self.length)
        let original = rows[position]
        // act
        rows[position] = AuditRow(event: Fx.tampered(original.event, field: field), previousHash: original.previousHash,
                                  hash: original.hash)
        // verify
        #expect(AuditChain.verify(rows) == .broken(sequence: original.event.sequence, reason: .hashMismatch))
    }

    @Test("changing a field and recomputing that row's hash is detected at the next row", arguments: [0, 19, 38])
    func modifyAndRehash(position: Int) throws {
        var rows = try Fx.chain(Self.length)
        let forged = Fx.tampered(rows[position].event, field: "outcome")
        rows[position] = AuditRow(event: forged, previousHash: rows[position].previousHash,
                                  hash: AuditChain.hash(of: forged, previousHash: rows[position].previousHash))
        #expect(AuditChain.verify(rows) == .broken(sequence: Int64(position + 2), reason: .previousHashMismatch))
    }

    @Test("deleting a row is detected, with or without renumbering the rows after it", arguments: [0, 19, 38])
    func deleteRow(position: Int) throws {
        // setup
        var rows = try Fx.chain(Self.length)
        rows.remove(at: position)
        let renumbered = rows.enumerated().map { index, row in
            AuditRow(event: Self.renumbered(row.event, to: Int64(index + 1)), previousHash: row.previousHash, hash: row.hash)
        }
        // verify
        #expect(AuditChain.verify(rows) == .broken(sequence: Int64(position + 2),
                                                   reason: .unexpectedSequence(expected: Int64(position + 1), found: Int64(position + 2))))
        #expect(!AuditChain.verify(renumbered).isIntact)
    }

    @Test("inserting a row is detected, even when the inserted row is correctly hashed", arguments: [0, 19, 39])
    func insertRow(position: Int) throws {
        // setup
        var rows = try Fx.chain(Self.length)
        let previous = position == 0 ? nil : rows[position - 1]
        let forged = try AuditChain.row(for: Self.renumbered(Fx.event(999), to: Int64(position + 1)), after: previous)
        rows.insert(forged, at: position)
        // verify
        let result = AuditChain.verify(rows)
        #expect(!result.isIntact)
        if position + 1 < rows.count {
            #expect(result == .broken(sequence: Int64(position + 1),
                                      reason: .unexpectedSequence(expected: Int64(position + 2), found: Int64(position + 1))))
        }
    }

    @Test("reordering rows is detected, whether the sequence numbers move with the rows or stay in place")
    func reorderRows() throws {
        // setup
        let rows = try Fx.chain(Self.length)
        var moved = rows
        moved.swapAt(10, 20)
        var relabelled = rows
        relabelled[10] = AuditRow(event: Self.renumbered(rows[20].event, to: 11), previousHash: rows[20].previousHash, hash: rows[20].hash)
        relabelled[20] = AuditRow(event: Self.renumbered(rows[10].event, to: 21), previousHash: rows[10].previousHash, hash: rows[10].hash)
        // verify
        #expect(AuditChain.verify(moved) == .broken(sequence: 21, reason: .unexpectedSequence(expected: 11, found: 21)))
        #expect(AuditChain.verify(relabelled) == .broken(sequence: 11, reason: .previousHashMismatch))
    }

    @Test("truncating the tail passes the chain alone but is caught by a stored head anchor")
    func truncateTail() throws {
        // setup
        let rows = try Fx.chain(Self.length)
        let anchor = AuditAnchor(sequence: rows[Self.length - 1].event.sequence, hash: rows[Self.length - 1].hash)
        let truncated = Array(rows.prefix(Self.length - 3))
        // verify: the chain alone cannot tell a truncated chain from a shorter one
        #expect(AuditChain.verify(truncated).isIntact)
        #expect(AuditChain.verify(truncated, anchor: anchor)
                == .broken(sequence: Int64(Self.length - 3),
                           reason: .truncatedBeforeAnchor(anchorSequence: Int64(Self.length), lastSequence: Int64(Self.length - 3))))
        #expect(AuditChain.verify(rows, anchor: anchor).isIntact)
    }

    @Test("rewriting the whole tail with fresh hashes is caught only by the anchor")
    func rewriteTail() throws {
        // setup
        let rows = try Fx.chain(Self.length)
        let anchor = AuditAnchor(sequence: Int64(Self.length), hash: rows[Self.length - 1].hash)
        var forged = Array(rows.prefix(10))
        for sequence in 11...Int64(Self.length) {
            forged.append(try AuditChain.row(for: Fx.tampered(Fx.event(sequence), field: "requestID"), after: forged.last))
        }
        // verify
        #expect(AuditChain.verify(forged).isIntact)
        #expect(AuditChain.verify(forged, anchor: anchor) == .broken(sequence: Int64(Self.length), reason: .anchorMismatch))
    }

    @Test("appending out of sequence is refused")
    func appendOutOfSequence() throws {
        let rows = try Fx.chain(3)
        #expect(throws: AuditChainError.sequenceMismatch(expected: 4, found: 5)) {
            try AuditChain.row(for: Fx.event(5), after: rows.last)
        }
        #expect(throws: AuditChainError.sequenceMismatch(expected: 1, found: 2)) {
            try AuditChain.row(for: Fx.event(2), after: nil)
        }
    }

    @Test("an untouched chain of 10,000 events verifies, also when streamed")
    func longChainVerifies() throws {
        // setup
        let rows = try Fx.chain(10_000)
        // act
        let result = AuditChain.verify(rows)
        var streaming = AuditChainVerifier(anchor: AuditAnchor(sequence: 10_000, hash: rows[9_999].hash))
        let streamBreak = rows.lazy.compactMap { streaming.check($0) }.first
        // verify
        #expect(result == .intact(count: 10_000, head: rows[9_999].hash))
        #expect(streamBreak == nil)
        #expect(streaming.finish().isIntact)
        #expect(AuditChain.verify([AuditRow]()) == .intact(count: 0, head: AuditChain.genesisHash))
    }

    static func renumbered(_ event: AuditEvent, to sequence: Int64) -> AuditEvent {
        AuditEvent(sequence: sequence, actorID: event.actorID, actorRole: event.actorRole, patientID: event.patientID,
                   recordType: event.recordType, recordID: event.recordID, action: event.action, outcome: event.outcome,
                   time: event.time, requestID: event.requestID, breakGlass: event.breakGlass)
    }
}
