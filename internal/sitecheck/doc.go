// Package sitecheck holds the checks of a built site that use the tools
// readers' software uses: a feed-reader library, an HTML parser following
// every link, and a real browser. It has only tests; CI runs them with
// go test ./..., after which .ci/run also runs the Nu HTML Checker.
package sitecheck
