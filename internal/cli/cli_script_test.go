package cli_test

import (
	"encoding/json"
	"errors"
	"os"
	"os/exec"
	"strconv"
	"strings"

	"github.com/joho/godotenv"
	"github.com/rogpeppe/go-internal/testscript"

	"github.com/zentra-cli/zentra/internal/token"
)

// scriptCmds are the commands that testdata/script files may use besides the built-in
// ones.
var scriptCmds = map[string]func(ts *testscript.TestScript, neg bool, args []string){
	"exits":      cmdExits,
	"jsonok":     cmdJSONOK,
	"nosecret":   cmdNoSecret,
	"perm":       cmdPerm,
	"keysdiffer": cmdKeysDiffer,
}

// secretKeys are the settings in .env that must never be shown.
var secretKeys = []string{token.EnvAccessKey, token.EnvRefreshKey}

// cmdExits runs a program and checks its exit code, keeping its output for stdout and
// stderr: "exits 2 zentra init".
func cmdExits(ts *testscript.TestScript, neg bool, args []string) {
	if neg || len(args) < 2 {
		ts.Fatalf("usage: exits code program [args...]")
	}

	want, err := strconv.Atoi(args[0])
	ts.Check(err)

	err = ts.Exec(args[1], args[2:]...)

	got := 0
	if ee := (*exec.ExitError)(nil); errors.As(err, &ee) {
		got = ee.ExitCode()
	} else if err != nil {
		ts.Fatalf("run %s: %v", args[1], err)
	}

	if got != want {
		ts.Fatalf("%s exited with %d, want %d", args[1], got, want)
	}
}

// cmdJSONOK checks that a file (or stdout) is exactly one JSON object, and that the
// given top-level keys hold the given JSON values: "jsonok stdout dry_run=true".
func cmdJSONOK(ts *testscript.TestScript, neg bool, args []string) {
	if neg || len(args) < 1 {
		ts.Fatalf("usage: jsonok file [key=value...]")
	}

	dec := json.NewDecoder(strings.NewReader(ts.ReadFile(args[0])))

	var obj map[string]json.RawMessage
	if err := dec.Decode(&obj); err != nil {
		ts.Fatalf("%s is not a JSON object: %v", args[0], err)
	}

	if dec.More() {
		ts.Fatalf("%s holds more than one JSON value", args[0])
	}

	for _, kv := range args[1:] {
		key, want, _ := strings.Cut(kv, "=")

		var got any
		if err := json.Unmarshal(obj[key], &got); err != nil {
			ts.Fatalf("%s: key %s: %v", args[0], key, err)
		}

		gotText, err := json.Marshal(got)
		ts.Check(err)

		if string(gotText) != want {
			ts.Fatalf("%s: %s is %s, want %s", args[0], key, gotText, want)
		}
	}
}

// readSecrets returns the secret values of a .env file, failing when one is missing, so
// that a check against them cannot pass by finding nothing to look for.
func readSecrets(ts *testscript.TestScript, envFile string) []string {
	vars, err := godotenv.Parse(strings.NewReader(ts.ReadFile(envFile)))
	ts.Check(err)

	var out []string
	for _, k := range secretKeys {
		if len(vars[k]) < 43 {
			ts.Fatalf("%s has no real %s (%q)", envFile, k, vars[k])
		}

		out = append(out, vars[k])
	}

	return out
}

// cmdNoSecret checks that a file (or stdout, or stderr) shows none of the secret keys
// of a .env file: "nosecret stdout my-api/.env".
func cmdNoSecret(ts *testscript.TestScript, neg bool, args []string) {
	if neg || len(args) != 2 {
		ts.Fatalf("usage: nosecret file envfile")
	}

	text := ts.ReadFile(args[0])
	for i, s := range readSecrets(ts, args[1]) {
		if strings.Contains(text, s) {
			ts.Fatalf("%s shows %s from %s", args[0], secretKeys[i], args[1])
		}
	}
}

// cmdPerm checks a file's permission bits: "perm 0600 my-api/.env".
func cmdPerm(ts *testscript.TestScript, neg bool, args []string) {
	if len(args) != 2 {
		ts.Fatalf("usage: perm mode file")
	}

	want, err := strconv.ParseUint(args[0], 8, 32)
	ts.Check(err)

	st, err := os.Stat(ts.MkAbs(args[1]))
	ts.Check(err)

	got := uint64(st.Mode().Perm())
	if (got == want) == neg {
		ts.Fatalf("%s has mode %04o; want %s%04o", args[1], got, map[bool]string{true: "not "}[neg], want)
	}
}

// cmdKeysDiffer checks that two .env files hold different keys, and that each holds two
// different keys; with "!", that both files hold the same keys.
func cmdKeysDiffer(ts *testscript.TestScript, neg bool, args []string) {
	if len(args) != 2 {
		ts.Fatalf("usage: keysdiffer envfile1 envfile2")
	}

	a, b := readSecrets(ts, args[0]), readSecrets(ts, args[1])
	for _, keys := range [][]string{a, b} {
		if keys[0] == keys[1] {
			ts.Fatalf("the access and refresh keys are the same")
		}
	}

	for i := range a {
		same := a[i] == b[i]
		switch {
		case neg && !same:
			ts.Fatalf("%s differs between %s and %s", secretKeys[i], args[0], args[1])
		case !neg && same:
			ts.Fatalf("%s is the same in %s and %s", secretKeys[i], args[0], args[1])
		}
	}

}
