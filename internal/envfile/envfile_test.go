package envfile

import (
	"errors"
	"strings"
	"testing"

	_ "github.com/zentra-cli/zentra/internal/golden" // accepts -update
)

const sample = `# Settings of demo.
PROJECT_NAME=demo
ENVIRONMENT=local                      # local | staging | production
BACKEND_CORS_ORIGINS="http://localhost,http://localhost:8080"

DB__URL=sqlite:///./dev.db
AUTH__SECRET_ACCESS_KEY=oldAccessKey_0123456789
AUTH__SECRET_REFRESH_KEY="oldRefreshKey-0123456789"   # keep apart from the access key
AUTH__ALGORITHM=HS256
# AUTH__SECRET_ACCESS_KEY=commented-out
AUTH__ACCESS_TOKEN_EXPIRE_MINS=15
AUTH__REFRESH_TOKEN_EXPIRE_MINS=10080
`

func TestParseReadsValues(t *testing.T) {
	env, err := Parse([]byte(sample))
	if err != nil {
		t.Fatal(err)
	}

	want := map[string]string{
		"ENVIRONMENT":              "local",
		"BACKEND_CORS_ORIGINS":     "http://localhost,http://localhost:8080",
		"AUTH__SECRET_ACCESS_KEY":  "oldAccessKey_0123456789",
		"AUTH__SECRET_REFRESH_KEY": "oldRefreshKey-0123456789",
	}
	for k, v := range want {
		if env[k] != v {
			t.Errorf("%s = %q, want %q", k, env[k], v)
		}
	}
}

func TestParseErrorShowsNoText(t *testing.T) {
	_, err := Parse([]byte("AUTH__SECRET_ACCESS_KEY=\"topsecretvalue\nOTHER=1\n"))
	if !errors.Is(err, ErrSyntax) {
		t.Fatalf("error = %v, want ErrSyntax", err)
	}

	if strings.Contains(err.Error(), "topsecret") {
		t.Errorf("error %q quotes the file", err)
	}
}

func TestParseRefusesTextThatIsNotUTF8(t *testing.T) {
	_, err := Parse([]byte("PROJECT_NAME=caf\xe9\nAUTH__SECRET_ACCESS_KEY=secret\xff\n"))
	if !errors.Is(err, ErrSyntax) || !strings.Contains(err.Error(), "not UTF-8") {
		t.Fatalf("error = %v, want ErrSyntax saying it is not UTF-8", err)
	}

	if strings.Contains(err.Error(), "secret") {
		t.Errorf("error %q quotes the file", err)
	}
}

func TestSetReplacesOnlyTheValues(t *testing.T) {
	out, err := Set([]byte(sample), map[string]string{
		"AUTH__SECRET_ACCESS_KEY":  "NEW-access_1",
		"AUTH__SECRET_REFRESH_KEY": "NEW-refresh_2",
	})
	if err != nil {
		t.Fatal(err)
	}

	want := strings.Replace(sample, "=oldAccessKey_0123456789\n", "=NEW-access_1\n", 1)
	want = strings.Replace(want, `"oldRefreshKey-0123456789"`, `"NEW-refresh_2"`, 1)

	if string(out) != want {
		t.Errorf("got:\n%s\nwant:\n%s", out, want)
	}
}

func TestSetKeepsTheLineShape(t *testing.T) {
	tests := []struct {
		name, in, want string
	}{
		{"plain", "K=old\n", "K=new\n"},
		{"double quotes", "K=\"old\"\n", "K=\"new\"\n"},
		{"single quotes", "K='old'\n", "K='new'\n"},
		{"empty", "K=\n", "K=new\n"},
		{"empty quotes and a comment", "K=\"\"  # note\n", "K=\"new\"  # note\n"},
		{"comment after a plain value", "K=old # note\n", "K=new # note\n"},
		{"tab before a comment", "K=old\t# note\n", "K=new\t# note\n"},
		{"hash inside the value", "K=o#ld\n", "K=new\n"},
		{"spaces around the sign", "  K = old  \n", "  K = new  \n"},
		{"export", "export K=old\n", "export K=new\n"},
		{"yaml style", "K: old\n", "K: new\n"},
		{"windows line ends", "A=1\r\nK=old\r\nB=2\r\n", "A=1\r\nK=new\r\nB=2\r\n"},
		{"no final line end", "A=1\nK=old", "A=1\nK=new"},
		{"defined twice", "K=one\nA=1\nK=two\n", "K=new\nA=1\nK=new\n"},
		{"commented out", "# K=old\nK=old\n", "# K=old\nK=new\n"},
		{"similar key", "K_OLD=x\nK=old\n", "K_OLD=x\nK=new\n"},
		{"missing", "A=1\n", "A=1\nK=new\n"},
		{"missing, no final line end", "A=1", "A=1\nK=new\n"},
		{"missing from an empty file", "", "K=new\n"},
	}

	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			out, err := Set([]byte(tt.in), map[string]string{"K": "new"})
			if err != nil {
				t.Fatal(err)
			}

			if string(out) != tt.want {
				t.Errorf("Set(%q) = %q, want %q", tt.in, out, tt.want)
			}
		})
	}
}

func TestSetRefusesWhatItCannotDoSafely(t *testing.T) {
	tests := []struct {
		name, in, value, want string
	}{
		{"value spanning lines", "K=\"a\nb\"\n", "new", "spans lines"},
		{"key inside another value", "O=\"x\nK=inner\n\"\nK=old\n", "new", "edit it by hand"},
		// godotenv ends a plain value at the last " #", python-dotenv at the first.
		{"two comments on a line", "K=old # a # b\n", "new", "edit it by hand"},
		{"value needing quotes", "K=old\n", "a b", "would need quoting"},
		{"value with a dollar", "K=old\n", "a$HOME", "would need quoting"},
		{"empty value", "K=old\n", "", "is empty"},
		{"file that does not parse", "K=\"old\n", "new", "not valid .env syntax"},
	}

	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			_, err := Set([]byte(tt.in), map[string]string{"K": tt.value})
			if err == nil || !strings.Contains(err.Error(), tt.want) {
				t.Errorf("error = %v, want one saying %q", err, tt.want)
			}
		})
	}
}
