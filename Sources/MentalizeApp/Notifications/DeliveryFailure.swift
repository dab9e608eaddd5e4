/// Why one attempt to send a notification failed: permanent failures (a 5xx reply, an address the
/// server refuses) are not retried; transient ones (a server down, a timeout) are, with back-off.
struct DeliveryFailure: Error, CustomStringConvertible {
    let description: String
    let isPermanent: Bool
}
