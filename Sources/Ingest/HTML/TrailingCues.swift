import Infrastructure

/// The labels news sites print over the blocks that follow an article — related and recommended
/// articles, "read more" teasers, comment sections, share and follow bars, newsletter sign-ups, tag
/// lists, author boxes, press contacts — in the languages of the pages Broadsheet reads. Written once from how sites
/// label these blocks in general (the wording of common CMS themes and of reader-facing widgets), not
/// from any page: a label is the whole short heading or the lead of a short line, never a phrase of prose.
///
/// Matched against lower-cased text, as a prefix followed by nothing, a colon or a separator.
enum TrailingCues {
    /// Headings over other articles: related, recommended, most read, more from the section.
    static let related = [
        // English
        "related", "more", "related articles", "related stories", "related posts", "related news", "related content",
        "related coverage", "related topics", "related links", "read more", "read next", "read also", "also read",
        "see also", "more from", "more stories", "more news", "more on this", "more on this story", "more articles",
        "more like this", "recommended", "recommended for you", "recommended stories", "you may also like",
        "you might also like", "you may be interested in", "you might be interested in", "don't miss", "also on",
        "further reading", "most read", "most popular", "popular posts", "trending", "trending now",
        "top stories", "latest news", "latest stories", "editor's picks", "what to read next", "keep reading",
        // German
        "mehr zum thema", "lesen sie auch", "lesen sie mehr", "auch interessant", "das könnte sie auch interessieren",
        "das könnte sie interessieren", "weitere artikel", "ähnliche artikel", "verwandte artikel", "verwandte themen",
        "weiterführende links", "weiterlesen", "zum weiterlesen", "mehr aus", "mehr zu", "meistgelesen",
        "meistgelesene artikel", "am meisten gelesen", "empfehlungen", "unsere empfehlungen", "weitere nachrichten",
        "aktuelle nachrichten", "neueste artikel", "top-themen",
        // French
        "à lire aussi", "a lire aussi", "lire aussi", "voir aussi", "sur le même sujet", "sur le meme sujet",
        "articles similaires", "articles liés", "articles connexes", "dans la même rubrique", "à découvrir",
        "a découvrir", "vous aimerez aussi", "vous pourriez aussi aimer", "les plus lus",
        "à la une", "nos derniers articles", "derniers articles", "lire la suite", "en savoir plus",
        // Spanish
        "noticias relacionadas", "artículos relacionados", "articulos relacionados", "te puede interesar",
        "también te puede interesar", "te podría interesar", "le puede interesar", "le podría interesar",
        "lee también", "lea también", "lee más", "lea más", "leer más", "ver también", "vea también",
        "más noticias", "más información", "lo más leído", "lo más visto", "últimas noticias", "relacionados",
        "relacionado",
        // Italian, Portuguese, Dutch, Russian, Polish
        "articoli correlati", "leggi anche", "potrebbe interessarti", "leia também", "notícias relacionadas",
        "veja também", "lees ook", "gerelateerde artikelen", "meer nieuws", "читайте также", "похожие статьи",
        "czytaj także", "czytaj też", "zobacz też",
        // Chinese
        "相关新闻", "相关阅读", "相关文章", "相关推荐", "相关报道", "推荐阅读", "延伸阅读", "热门文章", "热门推荐",
        "猜你喜欢", "热点新闻", "更多新闻", "相關新聞", "相關閱讀", "延伸閱讀", "上一篇", "下一篇",
        // Vietnamese
        "tin liên quan", "bài liên quan", "tin cùng chuyên mục", "tin khác", "các tin khác", "xem thêm", "đọc thêm",
        "có thể bạn quan tâm", "tin mới", "tin mới nhất", "đọc nhiều", "tin đọc nhiều", "tin nổi bật",
    ]

    /// Headings over reader comments and the forms to write one.
    static let comments = [
        "comments", "comment", "leave a comment", "leave a reply", "post a comment", "add a comment",
        "join the discussion", "join the conversation", "reader comments",
        "kommentare", "kommentar", "kommentar schreiben", "leserkommentare", "ihre meinung",
        "commentaires", "commentaire", "laisser un commentaire", "réagir", "réactions", "vos réactions",
        "comentarios", "comentario", "deja un comentario", "deja tu comentario", "escribe un comentario",
        "commenti", "comentários", "reacties", "комментарии", "komentarze",
        "评论", "发表评论", "网友评论", "最新评论", "評論", "bình luận", "ý kiến bạn đọc",
    ]

    /// Share and follow bars, newsletter sign-ups, tag lists and author boxes.
    static let furniture = [
        "share", "share this", "share this article", "share this story", "share on", "share article", "follow us",
        "follow us on", "newsletter", "sign up", "subscribe", "subscribe to our newsletter", "tags", "topics",
        "filed under", "about us", "more about",
        "teilen", "artikel teilen", "diesen artikel teilen", "folgen sie uns", "newsletter abonnieren", "schlagworte",
        "schlagwörter", "themen",
        "partager", "partager cet article", "partagez", "suivez-nous", "abonnez-vous", "inscrivez-vous",
        "mots-clés", "mots clés",
        "compartir", "comparte", "comparte esta noticia", "síguenos", "suscríbete", "etiquetas", "temas",
        "condividi", "compartilhe", "tag", "поделиться", "udostępnij",
        "分享", "分享到", "关注我们", "标签", "关键词", "关键字", "责任编辑",
        "chia sẻ", "từ khóa", "theo dõi",
    ]

    /// Headings over the box about the article's author.
    static let authors = [
        "about the author", "über den autor", "über die autorin", "zur person", "à propos de l'auteur",
        "sur l'auteur", "sobre el autor", "关于作者", "về tác giả",
    ]

    /// Headings over the press contact a press release or an institution's news item ends with.
    static let contacts = [
        "contact", "press contact", "media contact", "media contacts", "kontakt", "pressekontakt", "ansprechpartner",
        "ansprechpartnerin", "ihr ansprechpartner", "ihre ansprechpartnerin", "contact presse", "contacto",
        "contacto de prensa", "contatti", "contatto stampa", "联系我们", "liên hệ",
    ]

    static let all = related + comments + furniture + authors + contacts
    /// What labels a section that goes whole, from its label on: comments, the author's box and the
    /// press contact.
    static let sectionLabels = comments + authors + contacts

    /// What a publication asks its reader to do at the end of an article — subscribe, follow, download,
    /// join, support, share, write in — as verbs open such a line in each language. Matched at the start of
    /// a word; a cue ending in a space is a whole word.
    static let appeals = [
        "subscribe", "sign up", "follow ", "download ", "join ", "support ", "donate", "share ", "write to ",
        "send us", "contact us", "like us",
        "abonnier", "abonniere", "folgen sie", "folge ", "folgt ", "lade ", "laden sie", "unterstütz", "spende",
        "teilen sie", "teile ", "melden sie sich", "melde dich", "schreiben sie uns", "schreib uns",
        "abonnez", "abonne-toi", "suivez", "téléchargez", "rejoignez", "soutenez", "partagez", "écrivez-nous",
        "suscríbe", "suscríbase", "suscribe", "síguenos", "siguenos", "sigue ", "descarga", "únete", "unete",
        "apoya ", "comparte ", "escríbenos",
        "iscriviti", "seguici", "scarica", "sostieni", "assine", "siga ", "baixe", "apoie", "compartilhe",
        "subskryb", "obserwuj", "pobierz", "wesprzyj", "abonneer", "volg ", "steun ", "подпиш", "следите",
        "đăng ký", "theo dõi", "tải ",
    ]

    /// The channels such a line points to: the publication's newsletter, app, edition and social accounts.
    static let channels = [
        "newsletter", "app ", "apps ", "ios ", "android ", "app store", "google play", "e-paper", "epaper",
        "twitter", "facebook", "instagram", "whatsapp", "telegram", "youtube", "linkedin", "tiktok", "podcast",
        "membership", "letters to the editor", "letter to the editor", "leserbrief",
        "mitgliedschaft", "abo ", "abonnement", "boletín", "canal ", "kanal ", "membresía", "bản tin",
    ]

    /// The hosts of app stores and social networks, where a share or follow bar and an app's badges lead.
    static let channelHosts = [
        "play.google.com", "apps.apple.com", "itunes.apple.com", "facebook.com", "twitter.com", "x.com", "instagram.com",
        "t.me", "telegram.me", "whatsapp.com", "wa.me", "youtube.com", "linkedin.com", "tiktok.com", "pinterest.com",
        "xing.com", "vk.com", "weibo.com", "zalo.me", "news.google.com", "flipboard.com",
    ]

    /// Whether `host` (lower-cased) is one of `channelHosts` or below one.
    static func isChannelHost(_ host: String) -> Bool {
        channelHosts.contains { host == $0 || host.hasSuffix("." + $0) }
    }

    /// The words with which a publication speaks of itself ("our newsletter", "unser Magazin").
    static let ownWords = [
        "our ", "us ", "unser", "uns ", "notre ", "nos ", "nous ", "nuestro", "nuestra", "nostro ", "nostra ",
        "nosso ", "nossa ", "nasz", "onze ", "ons ", "наш", "chúng tôi",
    ]

    /// Whether `line` (lower-cased, a line or two) appeals to the reader on the publication's behalf: a
    /// channel with an appeal or the publication's own voice ("Follow us on Twitter", "Download our app",
    /// "Subscribe to our newsletter"). Without a channel, an appeal and "we" are a quote's last words
    /// as often ("“Chúng tôi sẽ …”, Bộ Giao thông Vận tải …", "we will follow our plan").
    static func isAppeal(_ line: String) -> Bool {
        // Words are runs of letters and digits; each cue must start one. Composed first, then searched as
        // bytes: a search by characters for each of a hundred cues was a tenth of an extraction.
        var words = " "
        for character in NFC.normalize(line) {
            words.append(character.isLetter || character.isNumber || character == "-" ? character : " ")
        }
        words.append(" ")
        func has(_ cues: [String]) -> Bool { cues.contains { words.containsBytes($0) } }
        return has(spacedChannels) && (has(spacedAppeals) || has(spacedOwnWords))
    }

    /// The cues of `isAppeal` as they must start a word: after a space.
    private static let spacedAppeals = appeals.map { " " + $0 }
    private static let spacedChannels = channels.map { " " + $0 }
    private static let spacedOwnWords = ownWords.map { " " + $0 }

    /// Words in the `class` and `id` of the same blocks, as CMS themes and widgets name them.
    static let classNames: ClassHints.Words = [
        "related", "comment", "share", "sharing", "social", "newsletter", "subscribe", "subscription", "signup",
        "disclaimer", "disclosure", "donate", "donation", "membership", "paywall",
        "sign-up", "author-box", "authorbox", "about-author", "author-bio", "author-info", "auteur", "autor", "vcard", "tag-list", "taglist",
        "post-tags", "entry-tags", "keywords", "recommend", "read-more", "readmore", "more-articles", "more-stories",
        "popular", "most-read", "trending", "teaser", "promo", "follow", "disqus", "outbrain", "taboola", "prev-next",
        "post-nav", "navigation", "breadcrumb", "entry-meta", "post-meta", "postmeta", "entry-utility", "entry-footer",
        "rating", "notice",
        "kommentar", "verwandt", "weitere", "partage", "commentaire", "relacionad", "comentario", "compartir",
        "lien-quan", "binh-luan", "tin-khac", "xem-them", "chia-se",
    ]

    /// Words in the `class` and `id` of boxes a page sets into the article's text as well as after it —
    /// newsletter sign-ups, disclaimers, calls to donate, links to related articles — which are never
    /// the article wherever they stand. Narrower than `classNames`: words such as `teaser` or `tags`
    /// also name a lede or a paragraph.
    static let insetNames: ClassHints.Words = [
        "newsletter", "news-letter", "subscribe", "signup", "sign-up", "disclaimer", "disclosure", "donate", "donation",
        "related",
    ]

    /// The longest text of such a box, in UTF-16 units.
    static let insetLength = 500

    /// The longest text taken for a label; longer text is prose.
    static let labelLength = 60

    /// The share of a block's text in links above which it is a list of other pages, not prose.
    static let linkListDensity = 0.5

    /// Whether `label` (lower-cased, white space folded) is one of the cues, alone or followed by a colon,
    /// a separator or a count ("Comments (12)"), as a heading or the lead of a link line prints it.
    static func isLabel(_ label: String, among cues: [String] = all) -> Bool {
        // Past four bytes a character, the label is longer than `labelLength` whatever it says.
        guard label.utf8.count <= 4 * labelLength else { return false }
        let text = label.trimmingPunctuationEnds
        guard !text.isEmpty, text.count <= labelLength else { return false }
        let first = text.utf8.first
        return cues.contains { cue in
            // The first byte first: most cues do not start like the text, and `hasPrefix` compares Unicode.
            guard cue.utf8.first == first, let rest = rest(of: text, after: cue) else { return false }
            guard let next = rest.first else { return true }
            return separators.contains(next) || next.isNumber || namesASite(rest)
        }
    }

    /// The words with which a label names the site or section it points into ("More on BBC News",
    /// "Mehr zum Thema auf UEPO.de", "Plus sur Le Monde").
    static let sitePrepositions = ["on ", "at ", "auf ", "bei ", "sur ", "en ", "su ", "em "]

    /// Whether what follows a cue is such a preposition and a name of a word or three.
    static func namesASite(_ rest: Substring) -> Bool {
        guard let preposition = sitePrepositions.first(where: { rest.hasPrefix($0) }) else { return false }
        return rest.dropFirst(preposition.count).split(separator: " ").count <= 3
    }

    /// Whether `line` (lower-cased) opens with a cue set off by a colon or a separator, as a promotion of
    /// another article does (`Read more: <link>`); a cue that opens a sentence ("Read more about…") does not.
    static func opensWithLabel(_ line: String, among cues: [String] = related) -> Bool {
        let text = String(line.drop { $0 == " " || $0 == "\u{00A0}" })
        return cues.contains { cue in rest(of: text, after: cue)?.first.map(separators.contains) ?? false }
    }

    static let separators: Set<Character> = [":", "：", "»", "|", "-", "–", "—", ">", "(", "（"]

    /// What follows `cue` at the start of `text`, past spaces; nil when `text` does not start with it.
    static func rest<Text: StringProtocol>(of text: Text, after cue: String) -> Text.SubSequence? {
        guard text.hasPrefix(cue) else { return nil }
        return text.dropFirst(cue.count).drop { $0 == " " || $0 == "\u{00A0}" }
    }
}

private extension String {
    /// Without the bullets, arrows and colons a label is often printed between.
    var trimmingPunctuationEnds: String {
        // Over scalars: every end is one, and walking `Character`s backwards cost a label check most of its time.
        let scalars = unicodeScalars
        guard let first = scalars.firstIndex(where: { !Self.labelEnds.contains($0) }) else { return "" }
        var last = scalars.index(before: scalars.endIndex)
        while last > first, Self.labelEnds.contains(scalars[last]) || scalars[last] == ":" || scalars[last] == "：" {
            last = scalars.index(before: last)
        }
        return String(scalars[first...last])
    }

    static let labelEnds: Set<Unicode.Scalar> = [" ", "\u{00A0}", "»", "›", ">", "•", "|", "#", "▶", "►", "→"]
}
