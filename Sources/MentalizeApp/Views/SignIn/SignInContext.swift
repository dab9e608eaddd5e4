/// What the sign-in template shows.
struct SignInContext: Encodable {
    let page = PageChrome(titleKey: "signIn.title")
    let clinicName: String?
    let action = SiteRoute.signIn.path
}
