package load

import (
	"errors"
	"regexp"
	"strconv"
	"strings"

	"go.yaml.in/yaml/v3"

	"briefings/internal/diag"
)

var yamlLine = regexp.MustCompile(`^(?:yaml: )?line (\d+): (.*)$`)

// AddYAMLError reports a YAML decoder error at file lines, each of a
// TypeError's at its own, in the editor's words: the decoder counts
// from the start of the YAML, which is file line offset+1.
func AddYAMLError(errs *diag.List, path string, offset int, err error) {
	var te *yaml.TypeError
	msgs := []string{err.Error()}
	if errors.As(err, &te) {
		msgs = te.Errors
	}
	for _, msg := range msgs {
		// yaml.v3 leaves the line out for YAML line 1, and gives parser
		// errors ("did not find expected …") 0-based, at the start of the
		// block or list that is not closed.
		line := 1 + offset
		if m := yamlLine.FindStringSubmatch(msg); m != nil {
			n, _ := strconv.Atoi(m[1])
			line, msg = n+offset, m[2]
			if strings.HasPrefix(msg, "did not find expected") {
				line++
			}
		} else {
			msg = strings.TrimPrefix(msg, "yaml: ")
		}
		errs.Add(path, line, "%s", yamlMessage(msg))
	}
}

var (
	unknownField = regexp.MustCompile(`^field (\S+) not found in type \S+$`)
	badType      = regexp.MustCompile("^cannot unmarshal !!(\\w+)(?: `(.*)`)? into (\\S+)$")
)

// yamlMessage rewrites the decoder's Go-flavoured wording in the editor's terms.
func yamlMessage(msg string) string {
	if m := unknownField.FindStringSubmatch(msg); m != nil {
		return "unknown field " + strconv.Quote(m[1])
	}
	if m := badType.FindStringSubmatch(msg); m != nil {
		got := strconv.Quote(m[2])
		if m[2] == "" {
			got = map[string]string{"seq": "a list", "map": "a mapping"}[m[1]]
		}
		return "expected " + goTypeWords(m[3]) + ", not " + got
	}
	if strings.HasPrefix(msg, "found unexpected end of stream") {
		return "YAML: " + msg + " (is a quote left open on an earlier line?)"
	}
	if msg == "did not find expected key" {
		return "YAML: " + msg + ` (a line indented unlike the others, or text after a closing quote? Start each field at the line's start, and put a value that holds quotes in the other kind: title: 'ICRC "visit"', title: "ICRC's visit")`
	}
	if msg == "did not find expected ',' or ']'" || msg == "did not find expected ',' or '}'" {
		return "YAML: " + msg + ` (a value that starts with [ or { is read as a list or a mapping up to its closing bracket: close it, countries: [AZ, KZ], or put text in double quotes, title: "[Update] …")`
	}
	if strings.HasPrefix(msg, "mapping values are not allowed") {
		return "YAML: " + msg + ` (a value with ": " in it must be in double quotes, title: "ICRC: …"; or a line above lacks its colon)`
	}
	if strings.HasPrefix(msg, "found character that cannot start any token") {
		return "YAML: " + msg + " (a value starting with @, ` or %, or a tab, must be in double quotes; indent with spaces)"
	}
	return "YAML: " + msg
}

// goTypeWords names a Go type the way an editor would.
func goTypeWords(t string) string {
	switch {
	case strings.HasPrefix(t, "[]"):
		return "a list"
	case strings.HasPrefix(t, "int"), strings.HasPrefix(t, "uint"):
		return "a whole number"
	case strings.HasPrefix(t, "float"):
		return "a number"
	case t == "string":
		return "text"
	case t == "bool":
		return "true or false"
	}
	return "a mapping of keys to values"
}
