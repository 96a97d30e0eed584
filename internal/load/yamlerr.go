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

// addYAMLError reports a YAML decoder error at file lines: the decoder counts
// from the start of the YAML, which is file line offset+1.
func addYAMLError(errs *diag.List, path string, offset int, err error) {
	var te *yaml.TypeError
	msgs := []string{err.Error()}
	if errors.As(err, &te) {
		msgs = te.Errors
	}
	for _, msg := range msgs {
		line := 1
		if m := yamlLine.FindStringSubmatch(msg); m != nil {
			n, _ := strconv.Atoi(m[1])
			line, msg = n+offset, m[2]
		} else {
			msg = strings.TrimPrefix(msg, "yaml: ")
		}
		errs.Add(path, line, "%s", yamlMessage(msg))
	}
}

var (
	unknownField = regexp.MustCompile(`^field (\S+) not found in type \S+$`)
	badType      = regexp.MustCompile("^cannot unmarshal !!(\\w+) `(.*)` into \\S+$")
)

// yamlMessage rewrites the decoder's Go-flavoured wording in the editor's terms.
func yamlMessage(msg string) string {
	if m := unknownField.FindStringSubmatch(msg); m != nil {
		return "unknown field " + strconv.Quote(m[1])
	}
	if m := badType.FindStringSubmatch(msg); m != nil {
		kind := map[string]string{"seq": "a list", "map": "a mapping", "str": "text", "int": "a number",
			"bool": "true or false", "float": "a number"}[m[1]]
		if kind == "" {
			kind = m[1]
		}
		return "unexpected " + kind + " " + strconv.Quote(m[2])
	}
	return "YAML: " + msg
}
