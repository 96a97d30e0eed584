package main

import (
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"time"

	"briefings/internal/build"
	"briefings/internal/diag"
	"briefings/internal/validate"
)

// checkJSON writes check's findings as one JSON object on stdout.
func checkJSON(stdout, stderr io.Writer, rep build.Report, err error) int {
	type problem struct {
		Path     string `json:"path"`
		Line     int    `json:"line,omitempty"`
		Severity string `json:"severity"`
		Message  string `json:"message"`
	}
	type skipped struct {
		Path    string `json:"path"`
		Title   string `json:"title"`
		State   string `json:"state"`                // "draft" or "scheduled"
		Publish string `json:"publish_at,omitempty"` // when a scheduled article goes out, RFC 3339
	}
	out := struct {
		OK       bool      `json:"ok"`
		Articles int       `json:"articles"`
		Pages    int       `json:"pages"`
		Problems []problem `json:"problems"`
		Skipped  []skipped `json:"skipped"`
		Bytes    int64     `json:"site_bytes,omitempty"` // what the site's files would weigh; absent when not known
	}{OK: err == nil, Articles: rep.Articles, Pages: rep.Pages, Problems: []problem{}, Skipped: []skipped{}, Bytes: rep.Size}
	for _, h := range rep.Skipped {
		s := skipped{Path: h.Article.Path, Title: h.Article.Title, State: h.State.String()}
		if h.State == validate.Scheduled {
			s.Publish = h.At.Format(time.RFC3339)
		}
		out.Skipped = append(out.Skipped, s)
	}
	var list diag.List
	if err != nil && !errors.As(err, &list) {
		list = diag.List{{Message: err.Error()}}
	}
	for _, d := range append(list, rep.Warnings...).Sort() {
		sev := "error"
		if d.Severity == diag.Warning {
			sev = "warning"
		}
		out.Problems = append(out.Problems, problem{d.Path, d.Line, sev, d.Message})
	}
	enc := json.NewEncoder(stdout)
	enc.SetIndent("", "  ")
	if e := enc.Encode(out); e != nil {
		fmt.Fprintln(stderr, "briefings:", e)
		return 1
	}
	if err != nil {
		return 1
	}
	return 0
}
