import NIOCore
import NIOPosix

/// Plain TCP listeners on 127.0.0.1 for failure tests.
enum TCPTestListeners {
    /// A listener that accepts connections and never sends a byte. Close it when done.
    static func silent() async throws -> (channel: any Channel, port: Int) {
        let channel = try await ServerBootstrap(group: MultiThreadedEventLoopGroup.singleton)
            .bind(host: "127.0.0.1", port: 0).get()
        return (channel, channel.localAddress?.port ?? 0)
    }

    /// A port on which nothing listens (it was bound and released).
    static func closedPort() async throws -> Int {
        let (channel, port) = try await silent()
        try await channel.close()
        return port
    }
}
