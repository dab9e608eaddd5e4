import Fluent
import MentalizeCore
import Vapor

/// The second step of staff sign-in: a TOTP code (or a recovery code), or, at the first sign-in,
/// enrolment of an authenticator app. A fresh session id is issued once the second factor is given.
struct SecondFactorController: RouteCollection {
    func boot(routes: any RoutesBuilder) throws {
        try routes.get(.secondFactor, use: page)
        try routes.post(.secondFactor, use: submit)
        try routes.get(.secondFactorQRCode, use: qrCode)
    }

    /// The enrolment key as a QR code (SVG), for the authenticator app to scan.
    func qrCode(_ request: Request) async throws -> Response {
        let user = try pendingUser(request)
        let factor = SecondFactor(request: request, userID: user.id)
        guard try await factor.credential().totpEnabledAt == nil else { throw Abort(.notFound) }
        let uri = OTPAuthURI.make(secret: try await factor.pendingSecret(), issuer: SecondFactor.issuer, account: user.user.username)
        // A key for a very long username does not fit the largest code this encoder makes; the
        // page then offers only the key as text and the otpauth link (a 404 here, not a 500).
        guard let code = try? QRCode(encoding: uri) else { throw Abort(.notFound) }
        let svg = code.svg(moduleSize: 5, label: PageText.text("secondFactor.secretLabel"))
        return Response(status: .ok, headers: ["Content-Type": "image/svg+xml"], body: .init(string: svg))
    }

    struct Form: Content {
        var code: String?
        var recoveryCode: String?
    }

    func page(_ request: Request) async throws -> Response {
        let user = try pendingUser(request)
        return try await render(request, user: user, errorKey: nil, status: .ok)
    }

    func submit(_ request: Request) async throws -> Response {
        let user = try pendingUser(request)
        let form = try request.form(Form.self)
        let factor = SecondFactor(request: request, userID: user.id)
        let wasEnrolled = try await factor.credential().totpEnabledAt != nil
        let outcome: SecondFactor.Outcome
        if let recovery = form.recoveryCode, !recovery.isEmpty, wasEnrolled {
            outcome = try await factor.redeem(recoveryCode: recovery)
        } else {
            outcome = try await factor.verify(code: form.code ?? "")
        }
        switch outcome {
        case .throttled:
            return try await render(request, user: user, errorKey: "secondFactor.error.throttled", status: .tooManyRequests)
        case .rejected:
            return try await render(request, user: user, errorKey: "secondFactor.error.wrongCode", status: .unauthorized)
        case .accepted:
            let response: Response
            let next = ReturnPath.requested(by: request) ?? SiteRoute.dashboard.path
            if wasEnrolled {
                response = request.redirect(to: next)
            } else {
                let codes = try await factor.newRecoveryCodes()
                let context = RecoveryCodesContext(page: PageChrome(titleKey: "recoveryCodes.title", request: request), codes: codes, continuePath: next)
                response = try await request.view.render("recovery-codes", context).encodeResponse(for: request)
            }
            try await request.sessionStore.end(user.session)
            let (token, _) = try await request.sessionStore.start(userID: user.id, kind: "web", secondFactorDone: true)
            response.cookies[SessionCookie.name] = SessionCookie.make(token: token)
            return response
        }
    }

    private func pendingUser(_ request: Request) throws -> SignedInUser {
        guard let user = request.signedInUser else { throw Abort.redirect(to: SiteRoute.signIn.path) }
        guard !user.isFullySignedIn else { throw Abort.redirect(to: SiteRoute.dashboard.path) }
        return user
    }

    private func render(_ request: Request, user: SignedInUser, errorKey: String?, status: HTTPResponseStatus) async throws -> Response {
        let factor = SecondFactor(request: request, userID: user.id)
        var enrolment: SecondFactorContext.Enrolment?
        if try await factor.credential().totpEnabledAt == nil {
            let secret = try await factor.pendingSecret()
            let uri = OTPAuthURI.make(secret: secret, issuer: SecondFactor.issuer, account: user.user.username)
            enrolment = .init(
                qrCodePath: (try? QRCode(encoding: uri)) == nil ? nil : SiteRoute.secondFactorQRCode.path,
                otpauthURI: uri,
                secretGroups: Base32.encode(secret, padding: false).chunked(into: 4)
            )
        }
        let context = SecondFactorContext(page: PageChrome(titleKey: "secondFactor.title", request: request), enrolment: enrolment, errorKey: errorKey, csrfToken: request.csrfToken,
                                          action: ReturnPath.path(SiteRoute.secondFactor.path, returningTo: ReturnPath.requested(by: request)))
        let response = try await request.view.render("second-factor", context).encodeResponse(for: request)
        response.status = status
        return response
    }
}

/// What the second-factor template shows.
struct SecondFactorContext: Encodable {
    struct Enrolment: Encodable {
        /// Nil when the key does not fit a QR code (a very long username).
        let qrCodePath: String?
        let otpauthURI: String
        let secretGroups: [String]
    }

    let page: PageChrome
    let enrolment: Enrolment?
    let errorKey: String?
    let csrfToken: String
    let action: String
}

/// The recovery codes, shown once after enrolment.
struct RecoveryCodesContext: Encodable {
    let page: PageChrome
    let codes: [String]
    let continuePath: String
}

extension String {
    /// The string cut into pieces of `size` characters (for readable secrets).
    func chunked(into size: Int) -> [String] {
        stride(from: 0, to: count, by: size).map { offset in
            let start = index(startIndex, offsetBy: offset)
            return String(self[start..<(index(start, offsetBy: size, limitedBy: endIndex) ?? endIndex)])
        }
    }
}
