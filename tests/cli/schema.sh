#!/usr/bin/env bash
# docs/clinic-config.schema.json agrees with the loader: the demo clinic, the minimal config and the effective
# configuration `navigator config` writes (every key the loader knows) are valid against the schema, and an
# unknown key is not. Needs Python's jsonschema (Debian: python3-jsonschema); skipped without it.
# Usage: bash tests/cli/schema.sh NAVIGATOR SOURCE_DIR
source "$(dirname "${BASH_SOURCE[0]}")/lib.sh" "$@"
if ! python3 -c 'import jsonschema' 2>/dev/null; then
  echo "SKIP: Python's jsonschema is not installed"
  exit 0
fi
"$nav" config >"$tmp/effective.json" || exit 1
python3 - "$src/docs/clinic-config.schema.json" "$src/assets/clinic/demo.json" "$src/tests/data/configs/minimal.json" \
  "$tmp/effective.json" "$src/tests/data/bad-configs/unknown-keys-warning.json" <<'PY'
import json, sys
import jsonschema
schema_file, *valid, unknown_key = sys.argv[1:]
schema = json.load(open(schema_file))
jsonschema.Draft202012Validator.check_schema(schema)
validator = jsonschema.Draft202012Validator(schema)
failures = 0
for path in valid:
    for error in validator.iter_errors(json.load(open(path))):
        print(f"FAIL {path}: {'/'.join(map(str, error.absolute_path))}: {error.message}")
        failures += 1
if validator.is_valid(json.load(open(unknown_key))):
    print(f"FAIL {unknown_key}: the schema accepts unknown keys")
    failures += 1
print(f"{failures} failures")
sys.exit(1 if failures else 0)
PY
