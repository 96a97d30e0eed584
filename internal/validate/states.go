package validate

import (
	"cmp"
	"time"

	"briefings/internal/diag"
	"briefings/internal/load"
)

// State is where an article stands: published, a draft, or scheduled for
// a time still to come.
type State int

const (
	Published State = iota
	Draft
	Scheduled
)

func (s State) String() string { return [...]string{"published", "draft", "scheduled"}[s] }

// Editions say which articles a build shows: the published ones, and the
// drafts and the scheduled ones if asked for, as a preview does.
type Editions struct {
	Drafts, Future bool
	Now            time.Time      // the build's clock: an article dated later is scheduled
	Location       *time.Location // the site's time zone, where a day without a time begins
}

// Held is an article a build shows that readers would not see yet, or one
// it leaves out for that reason.
type Held struct {
	Article *load.Article
	State   State
	At      time.Time // when a scheduled article is published
}

// StateOf is where an article stands at the build's clock.
func (e Editions) StateOf(a *load.Article) (State, time.Time) {
	at := a.PublishAt(e.Location)
	switch {
	case a.Draft:
		return Draft, at
	case at.After(e.Now):
		return Scheduled, at
	}
	return Published, at
}

// Select splits the articles into those the build shows and those it
// skips; shown holds the drafts and scheduled articles a preview shows,
// to be marked as such.
func (e Editions) Select(all []*load.Article) (show []*load.Article, shown, skipped []Held) {
	for _, a := range all {
		st, at := e.StateOf(a)
		switch {
		case st == Published:
			show = append(show, a)
		case st == Draft && e.Drafts, st == Scheduled && e.Future:
			show = append(show, a)
			shown = append(shown, Held{a, st, at})
		default:
			skipped = append(skipped, Held{a, st, at})
		}
	}
	return show, shown, skipped
}

// farAhead is how far from the build's clock a date is more likely a
// mistyped year than a story scheduled.
const farAhead = 1 // year

// FarAhead warns of articles dated more than a year after the build's
// clock, drafts too: scheduled, such an article would wait that long,
// and 2062 typed for 2026 is likelier.
func (e Editions) FarAhead(all []*load.Article) diag.List {
	var warns diag.List
	limit, loc := e.Now.AddDate(farAhead, 0, 0), cmp.Or(e.Location, time.UTC)
	for _, a := range all {
		if at := a.PublishAt(e.Location); at.After(limit) {
			warns.Warn(a.Path, a.Lines.Date, "the date, %s, is more than a year away: the article would wait that long to be published; is the year mistyped?",
				at.In(loc).Format(time.DateOnly))
		}
	}
	return warns
}
