/// What every page's layout needs: the title (a text key) and the links in the header.
struct PageChrome: Encodable {
    let titleKey: String
    let homePath = SiteRoute.home.path
    let signInPath = SiteRoute.signIn.path
}
