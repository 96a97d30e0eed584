package render

import (
	"html/template"

	"briefings/internal/i18n"
)

// Page is everything a template needs to write one HTML page: strings,
// URLs and lists already made. Exactly one of the kind fields is set.
type Page struct {
	Path        string // URL path under the base, "en/2025/09/slug/"
	Template    string // which page template writes it
	File        string // the article file it shows, for messages
	Lang        string
	Title       string // the <title>
	Description string
	Canonical   string // absolute URL; empty for the 404 page
	LastMod     string // for the sitemap: when an article last changed
	Alternates  []Alternate
	Switch      []LangLink
	Feeds       []FeedLinks
	Chrome      Chrome
	Social      Social
	JSONLD      *NewsArticle // articles only
	T           *i18n.Strings
	Loaded      []LoadedPhoto // the photos a phone loads with the page, which its weight counts
	Robots      string        // "noindex" for a page readers cannot see yet: a draft's, a scheduled article's
	Wide        bool          // the home page: wider, in two columns on wide screens
	head        head          // what Canonical, LastMod and Alternates are made of, for the sitemap
	entries     []entry       // the stories' entries it shows, which a page over the budget may be blamed on

	Article   *ArticleView
	Static    *ArticleView // a page of the site: its title, body and photos
	List      *ListView
	Countries []CountryItem
	Year      *YearView
	Root      []RootChoice
	NotFound  []NotFoundText
	Search    *SearchView
}

// Social is what a page shows where it is shared: OpenGraph and the
// Twitter card, with the article's lead photo or the site's share image.
type Social struct {
	Type, Title, URL, SiteName string
	Locale                     string   // og:locale, en_GB
	Alternates                 []string // the locales of the site's other languages
	Image, ImageAlt            string   // an absolute URL; "" when the site has no share image
	ImageWidth, ImageHeight    int
	Published, Modified        string // of articles
	Tags                       []string
}

// NewsArticle is an article as search engines read it: schema.org JSON-LD,
// which html/template writes as JSON escaped for a script element. The
// description is the page's own meta description, not repeated here.
type NewsArticle struct {
	Context       string   `json:"@context"`
	Type          string   `json:"@type"`
	Headline      string   `json:"headline"`
	URL           string   `json:"url"`
	DatePublished string   `json:"datePublished"`
	DateModified  string   `json:"dateModified"`
	InLanguage    string   `json:"inLanguage"`
	About         []Thing  `json:"about,omitempty"`
	IsBasedOn     *Thing   `json:"isBasedOn,omitempty"`
	Image         []string `json:"image,omitempty"` // 16:9, 4:3 and 1:1 crops, as Google advises
	Author        Thing    `json:"author"`
	Publisher     Thing    `json:"publisher"`
}

// Thing is a named schema.org thing: a country, a source, the site.
type Thing struct {
	Type string       `json:"@type"`
	Name string       `json:"name"`
	URL  string       `json:"url,omitempty"`
	Logo *ImageObject `json:"logo,omitempty"` // the site's, as the publisher
}

// ImageObject is a schema.org image with its size.
type ImageObject struct {
	Type   string `json:"@type"`
	URL    string `json:"url"`
	Width  int    `json:"width,omitempty"`
	Height int    `json:"height,omitempty"`
}

// Alternate is one hreflang link: the page in a language, or x-default.
type Alternate struct{ Lang, Href string }

// LangLink leads to the page in another language.
type LangLink struct{ Lang, Name, Href string }

// Link is a labelled link. Current is its aria-current: "page" when it
// leads to the page itself, "true" when to the section the page is in.
type Link struct {
	Label, Href string
	Current     string
}

// Chrome is the site header and footer. The parts many pages share are
// made once a build by the layout's templates of their names (frame):
// Sections by "sections" from Nav; for each of the page's Feeds,
// FeedLinks by "feed-links" and FeedLines by "feed"; Site and Image by
// "social-site" and "social-image" from the page's Social; Assets,
// Masthead and Footer by the templates of those names. html/template
// escapes each value as it writes it, about two microseconds a value:
// the values every page repeats, written once, took a tenth off a
// 10,000-article build.
type Chrome struct {
	SiteTitle, Home, Stylesheet, Icon string
	Wordmark                          string // the site's name in its languages, an image
	Nav                               []Link
	Pages                             []Link   // the site's pages in the footer: About, Contact, Privacy
	Publisher                         string   // who publishes the site, in the footer
	Also                              []string // on a page for every language (the chooser, the 404 page): the others, which its skip link and footer speak too
	Sections                          Fragment
	FeedLinks, FeedLines              []Fragment
	Site, Image                       Fragment
	Assets, Masthead, Footer          Fragment
}

// SocialSite is the data of the "social-site" template: what link
// previews say of the site.
type SocialSite struct {
	SiteName, Locale string
	Alternates       []string
}

// SocialImage is the data of the "social-image" template: the image a
// link preview shows, if any.
type SocialImage struct {
	Image, Alt    string
	Width, Height int
}

// Assets is the data of the "assets" template: the files every page
// loads.
type Assets struct{ Stylesheet, Icon string }

// Masthead is the data of the "masthead" template: the skip link and the
// site's name, which leads home. Also is the skip link in the page's
// other languages.
type Masthead struct {
	Skip, Home, Wordmark, SiteTitle string
	Also                            []Phrase
}

// Phrase is words in a language other than the page's.
type Phrase struct{ Lang, Text string }

// Footer is the data of the "footer" template: a part in the page's
// language, and on a page for every language one in each of the others.
type Footer struct{ Parts []FooterPart }

// FooterPart is the footer in one language; Lang is set for a language
// other than the page's.
type FooterPart struct {
	Lang      string
	Label     string // of the site's pages
	Pages     []Link
	FeedLines []Fragment
	Publisher string
}

// Fragment is a part of a page a template of the layout made once for
// many pages: a story's entry in a list, the frame's shared parts. Its id
// is the digest of the template set and the fragment's data, which decide
// its HTML.
type Fragment struct {
	HTML template.HTML
	id   uint64
}

// Sections is the data of the "sections" template.
type Sections struct {
	Label string
	Links []Link
}

// Item is a story in a list, for the "item" and "related-item" templates.
type Item struct {
	Title, Href     string
	Lang            string // set when the story is shown in another language
	Badge, LangName string // "RU", "in Russian"
	Date, DateISO   string
	Summary         string
	Countries       []Link
	Mark            string // "Draft — not published", "Scheduled for …": in a preview only
}

// ListView is a list of stories: home, country and month pages.
type ListView struct {
	Heading string
	Intro   string     // what a country's first page leads with
	Up      *Link      // the year page above a month
	Top     *Fragment  // the newest story, made by the "story" template, on the home page
	Lead    *Fragment  // the newest story's lead photo, on the home page
	Items   []Fragment // each story's entry, made by "item"; on the home page, the others by "brief"
	Pager   *Pager
	Regions []Region // the countries beside the home page's stories
}

// Region is a country beside the home page's stories: its page, how many
// stories it has, and, for the first few, its newest, made by the
// "related-item" template.
type Region struct {
	Name, Href, Count string
	Latest            *Fragment
}

// FeedLinks lead to one feed in its three formats. Lang is set on a page
// for every language, whose footer shows each feed in its own.
type FeedLinks struct{ Label, RSS, Atom, JSON, Lang string }

// Pager leads to the neighbouring pages of a paginated list.
type Pager struct {
	Label, Status string
	Newer, Older  *Link
}

// ArticleView is an article page.
type ArticleView struct {
	Title, Lang         string
	Date, DateISO       string
	Updated, UpdatedISO string
	Countries           []Link
	Source, SourceURL   string
	Mark                string        // a draft's or a scheduled article's banner, in a preview only
	Lead                *Fragment     // the lead photo, made by the "figure" template
	Body                template.HTML // made of BodyOf when the page is written; a page's key digests BodyOf
	BodyOf              articleBody
	Related             []Fragment // made by the "related-item" template
	Older, Newer        *Link      // the next articles of the language, by date
}

// CountryItem is a line of the countries overview.
type CountryItem struct{ Name, Href, Count string }

// YearView is a year of the archive.
type YearView struct {
	Heading string
	Years   []Link
	Months  []CountryItem
}

// RootChoice is one language on the language chooser.
type RootChoice struct{ Lang, Name, Prompt, Title, Description, Href string }

// NotFoundText is the 404 message in one language, with the ways on from
// it: the home page, and the search, which finds a story whose address
// was mistyped.
type NotFoundText struct{ Lang, Title, Text, Home, HomeLabel, Search, SearchLabel string }
