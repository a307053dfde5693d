import HummingbirdBcrypt
import NIOPosix

/// bcrypt at a configured cost, run on NIO's thread pool so that a 250 ms hash never blocks the
/// event loop the runtime and the database share.
public struct PasswordHasher: Sendable {
    public let cost: Int

    public init(cost: Int) {
        precondition((4...31).contains(cost), "bcrypt cost must be from 4 to 31")
        self.cost = cost
    }

    public func hash(_ password: String) async throws -> String {
        let cost = UInt8(self.cost)
        return try await NIOThreadPool.singleton.runIfActive { Bcrypt.hash(password, cost: cost) }
    }

    public func verify(_ password: String, against hash: String) async throws -> Bool {
        try await NIOThreadPool.singleton.runIfActive { Bcrypt.verify(password, hash: hash) }
    }

    /// Spends one verification at this cost on a hash that matches nothing, so that a login for
    /// an unknown email takes as long as one with a wrong password.
    public func spendOneVerification(_ password: String) async throws {
        _ = try await verify(password, against: timingHash)
    }

    /// A well-formed hash at this cost (a fixed salt and digest that no password produces in practice).
    var timingHash: String {
        let costText = cost < 10 ? "0\(cost)" : "\(cost)"
        return "$2b$\(costText)$" + "ChronoViewTimingSalt.." + "ChronoViewTimingDigestForMisses"
    }
}
