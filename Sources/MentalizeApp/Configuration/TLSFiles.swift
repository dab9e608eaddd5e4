import NIOSSL

extension ServingOptions.TLSFiles {
    /// The server's TLS settings from the PEM files, or one line saying which file is wrong.
    static func load(_ files: ServingOptions.TLSFiles) throws -> TLSConfiguration {
        let chain: [NIOSSLCertificate]
        do {
            chain = try NIOSSLCertificate.fromPEMFile(files.certificate)
        } catch {
            throw ConfigurationError("cannot read the TLS certificate \(files.certificate): it must be a readable PEM certificate chain")
        }
        guard !chain.isEmpty else { throw ConfigurationError("the TLS certificate file \(files.certificate) holds no certificate") }
        let key: NIOSSLPrivateKey
        do {
            key = try NIOSSLPrivateKey(file: files.privateKey, format: .pem)
        } catch {
            throw ConfigurationError("cannot read the TLS private key \(files.privateKey): it must be a readable, unencrypted PEM key")
        }
        return TLSConfiguration.makeServerConfiguration(certificateChain: chain.map { .certificate($0) }, privateKey: .privateKey(key))
    }
}
