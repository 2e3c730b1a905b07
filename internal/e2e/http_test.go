//go:build unix

package e2e

import (
	"encoding/json"
	"io"
	"net/http"
	"net/url"
	"strings"
	"testing"
	"time"
)

// reply is one HTTP answer: status, headers and the decoded JSON body.
type reply struct {
	Status int
	Header http.Header
	Body   map[string]any
	Raw    string
}

// request describes one call to the server.
type request struct {
	Method string
	Path   string
	Bearer string
	JSON   string     // raw JSON body, sent as application/json
	Form   url.Values // form body, sent as application/x-www-form-urlencoded
}

var client = &http.Client{Timeout: 30 * time.Second}

func (s *server) do(t *testing.T, r request) reply {
	t.Helper()

	var body io.Reader
	contentType := ""
	switch {
	case r.JSON != "":
		body, contentType = strings.NewReader(r.JSON), "application/json"
	case r.Form != nil:
		body, contentType = strings.NewReader(r.Form.Encode()), "application/x-www-form-urlencoded"
	}

	req, err := http.NewRequest(r.Method, s.base+r.Path, body)
	if err != nil {
		t.Fatal(err)
	}

	if contentType != "" {
		req.Header.Set("Content-Type", contentType)
	}

	if r.Bearer != "" {
		req.Header.Set("Authorization", "Bearer "+r.Bearer)
	}

	resp, err := client.Do(req)
	if err != nil {
		t.Fatalf("%s %s: %v\nserver output:\n%s", r.Method, r.Path, err, s.output())
	}
	defer resp.Body.Close()

	raw, err := io.ReadAll(resp.Body)
	if err != nil {
		t.Fatal(err)
	}

	rep := reply{Status: resp.StatusCode, Header: resp.Header, Raw: string(raw)}
	if err := json.Unmarshal(raw, &rep.Body); err != nil {
		t.Fatalf("%s %s: body is not a JSON object: %q", r.Method, r.Path, raw)
	}

	return rep
}

// expect checks the status code and returns the reply for further checks.
func (r reply) expect(t *testing.T, what string, status int) reply {
	t.Helper()

	if r.Status != status {
		t.Fatalf("%s: status %d, want %d; body %s", what, r.Status, status, r.Raw)
	}

	return r
}

// expectError checks an error envelope: status, "status": "error", the code, the
// response phrase and the message.
func (r reply) expectError(t *testing.T, what string, status int, phrase, message string) {
	t.Helper()

	r.expect(t, what, status)
	want := map[string]any{
		"status":   "error",
		"code":     float64(status),
		"response": phrase,
	}

	for k, v := range want {
		if r.Body[k] != v {
			t.Errorf("%s: %q is %v, want %v; body %s", what, k, r.Body[k], v, r.Raw)
		}
	}

	if message != "" && r.Body["message"] != message {
		t.Errorf("%s: message %v, want %q", what, r.Body["message"], message)
	}

	if _, ok := r.Body["message"].(string); !ok {
		t.Errorf("%s: error envelope has no message: %s", what, r.Raw)
	}
}

// data returns the envelope's data object.
func (r reply) data(t *testing.T) map[string]any {
	t.Helper()

	d, ok := r.Body["data"].(map[string]any)
	if !ok {
		t.Fatalf("no data object in %s", r.Raw)
	}

	return d
}

// str returns a string field of the body.
func (r reply) str(t *testing.T, key string) string {
	t.Helper()

	s, ok := r.Body[key].(string)
	if !ok || s == "" {
		t.Fatalf("no %q string in %s", key, r.Raw)
	}

	return s
}
