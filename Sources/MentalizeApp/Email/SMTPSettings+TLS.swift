import NIOCore
import NIOSSL

extension SMTPSettings {
    /// A TLS context that verifies the server certificate against the system trust roots
    /// plus the certificates of ``trustRootsFile``, requiring TLS 1.2 or later.
    func makeTLSContext() throws -> NIOSSLContext {
        var configuration = TLSConfiguration.makeClientConfiguration()
        configuration.minimumTLSVersion = .tlsv12
        configuration.certificateVerification = .fullVerification
        if let trustRootsFile {
            let certificates: [NIOSSLCertificate]
            do {
                certificates = try NIOSSLCertificate.fromPEMFile(trustRootsFile)
            } catch {
                throw SMTPError(.tlsFailed, step: "load trust roots",
                                message: "cannot read PEM certificates from \(trustRootsFile): \(error)")
            }
            guard !certificates.isEmpty else {
                throw SMTPError(.tlsFailed, step: "load trust roots", message: "no PEM certificate in \(trustRootsFile)")
            }
            configuration.additionalTrustRoots = [.certificates(certificates)]
        }
        do {
            return try NIOSSLContext(configuration: configuration)
        } catch {
            throw SMTPError(wrapping: error, step: "create TLS context")
        }
    }

    /// The TLS handler parameters for this server: the host name is sent as SNI and verified;
    /// an IP address is verified against the certificate's IP addresses instead (SNI forbids it).
    func tlsUpgrade(context: NIOSSLContext) -> SMTPRequest.TLSUpgrade {
        let isIPAddress = (try? SocketAddress(ipAddress: host, port: 0)) != nil
        return SMTPRequest.TLSUpgrade(context: context, serverHostname: isIPAddress ? nil : host)
    }
}
