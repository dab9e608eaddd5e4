import ArgumentParser
import Foundation

/// `serve`'s flags for going live: TLS or a reverse proxy, SMTP and the webhook. Each also has an
/// environment variable; a flag wins.
struct ServeOptions: ParsableArguments {
    @Option(name: .customLong("tls-cert"), help: "A PEM certificate chain: serve HTTPS directly (with --tls-key).") var tlsCertificate: String?
    @Option(name: .customLong("tls-key"), help: "The PEM private key of --tls-cert.") var tlsKey: String?
    @Flag(name: .customLong("behind-proxy"), help: "An HTTPS reverse proxy forwards to this server: believe its X-Forwarded-For/-Proto.") var behindProxy = false
    @Option(name: .customLong("trusted-proxy"), help: "An address of that proxy (repeatable; default 127.0.0.1 and ::1).") var trustedProxies: [String] = []
    @Option(name: .customLong("smtp-url"), help: "smtp://user:pass@host:587 (STARTTLS) or smtps://user:pass@host:465, or MENTALIZE_SMTP_URL.") var smtpURL: String?
    @Option(name: .customLong("smtp-from"), help: "The address emails come from, or MENTALIZE_SMTP_FROM.") var smtpFrom: String?
    @Option(name: .customLong("notify-webhook"), help: "Also POST staff notifications here as signed JSON, or MENTALIZE_NOTIFY_WEBHOOK.") var webhookURL: String?

    /// Puts the flags into `configuration` and checks what can be checked before anything starts.
    func apply(to configuration: inout AppConfiguration) throws {
        switch (tlsCertificate, tlsKey) {
        case let (certificate?, key?): configuration.serving.tls = .init(certificate: certificate, privateKey: key)
        case (nil, nil): break
        default: throw ConfigurationError("--tls-cert and --tls-key go together: give both files, or neither")
        }
        configuration.serving.behindProxy = behindProxy || ProcessInfo.processInfo.environment["MENTALIZE_BEHIND_PROXY"] == "1"
        if !trustedProxies.isEmpty { configuration.serving.trustedProxies = trustedProxies }
        if let smtpURL { configuration.notifications.smtpURL = smtpURL }
        if let smtpFrom { configuration.notifications.fromAddress = smtpFrom }
        if let webhookURL { configuration.notifications.webhookURL = webhookURL }
        if let url = configuration.notifications.webhookURL {
            guard let parts = URLComponents(string: url), parts.scheme == "https" || parts.scheme == "http", parts.host?.isEmpty == false else {
                throw ConfigurationError("the webhook '\(url)' is not an http(s) URL")
            }
        }
        try configuration.serving.check(host: configuration.host)
    }
}
