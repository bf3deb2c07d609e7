#!/usr/bin/env bash
# Runs every suite against the real local stack — .NET (unit, integration over Kestrel, architecture),
# the SPA's unit tests, the ML code's Python tests, and browser end-to-end tests in Debian's Chromium — and ends with one line:
# "Tests: N passed, N failed", totalled over all suites.
set -uo pipefail

root=$(cd "$(dirname "$0")/.." && pwd)
cd "$root"
export DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_NOLOGO=1 DOTNET_SKIP_FIRST_TIME_EXPERIENCE=1
results="$root/test-results"
rm -rf "$results" && mkdir -p "$results"

passed=0
failed=0
broken=()   # suites that could not run at all count as one failure each

count() { passed=$((passed + $1)); failed=$((failed + $2)); echo "== $3: $1 passed, $2 failed"; }

scripts/deps.sh || { echo "Tests: 0 passed, 1 failed"; exit 1; }
scripts/stack.sh start || { echo "Tests: 0 passed, 1 failed"; exit 1; }

# --- .NET ------------------------------------------------------------------------------------
echo "== building Clean.sln"
if dotnet build Clean.sln -c Release --nologo -v q -clp:ErrorsOnly; then
  dotnet test Clean.sln -c Release --no-build --nologo \
    --settings tests/coverage.runsettings --collect:"XPlat Code Coverage" \
    --logger "trx" --logger "console;verbosity=normal" --results-directory "$results/dotnet"
  trx_passed=0 trx_failed=0 trx_files=0
  for trx in "$results"/dotnet/*.trx; do
    [ -f "$trx" ] || continue
    trx_files=$((trx_files + 1))
    counters=$(grep -o '<Counters [^>]*>' "$trx")
    p=$(sed -n 's/.* passed="\([0-9]*\)".*/\1/p' <<<"$counters")
    f=$(sed -n 's/.* failed="\([0-9]*\)".*/\1/p' <<<"$counters")
    e=$(sed -n 's/.* error="\([0-9]*\)".*/\1/p' <<<"$counters")
    trx_passed=$((trx_passed + ${p:-0})); trx_failed=$((trx_failed + ${f:-0} + ${e:-0}))
  done
  expected=$(ls -d tests/*.Tests | wc -l)
  [ "$trx_files" -eq "$expected" ] || broken+=("dotnet: $trx_files of $expected test projects reported")
  count "$trx_passed" "$trx_failed" ".NET"
  # Domain and Application keep at least 80 % of their lines covered.
  scripts/coverage.py "$results/dotnet" Domain=80 Application=80 || broken+=("coverage report")
else
  broken+=("dotnet build")
fi

# --- SPA unit tests --------------------------------------------------------------------------
echo "== clientapp: lint, typecheck and unit tests"
(cd clientapp && npx eslint .) || broken+=("clientapp lint (ESLint)")
if (cd clientapp && npx tsc -p .); then
  (cd clientapp && npx vitest run --reporter=default --reporter=json --outputFile="$results/vitest.json")
  if [ -f "$results/vitest.json" ]; then
    read -r p f < <(node -e 'const r=require(process.argv[1]); console.log(r.numPassedTests, r.numFailedTests + (r.numRuntimeErrorTestSuites||0))' "$results/vitest.json")
    count "$p" "$f" "SPA unit"
  else
    broken+=("vitest")
  fi
else
  broken+=("clientapp typecheck")
fi

# --- ML (Python) ------------------------------------------------------------------------------
echo "== ml: the training and export code's tests"
/usr/bin/python3 -m unittest discover -s ml/tests -v 2>&1 | tee "$results/ml-tests.log"
ran=$(sed -n 's/^Ran \([0-9]*\) tests\? in .*/\1/p' "$results/ml-tests.log")
# "FAILED (failures=1, errors=2)" closes a run with failures
ml_failed=$(sed -n 's/^FAILED (\(.*\))$/\1/p' "$results/ml-tests.log" | grep -oE '(failures|errors)=[0-9]+' | cut -d= -f2 | awk '{s += $1} END {print s + 0}')
if [ -n "$ran" ]; then count "$((ran - ml_failed))" "$ml_failed" "ML (Python)"; else broken+=("ml tests"); fi

# --- API contract --------------------------------------------------------------------------
# The .NET suite checks that the served /openapi/v1.json is the committed clientapp/src/api/openapi.json; here a client
# generator's linter must find no error in it, and the SPA's generated types must be what it produces
# (scripts/openapi.sh rewrites both). Each check counts as one test.
echo "== API contract: lint and generated types"
contract_passed=0 contract_failed=0
for check in "npx redocly lint" "npx openapi-typescript --check"; do
  if (cd clientapp && $check); then contract_passed=$((contract_passed + 1)); else contract_failed=$((contract_failed + 1)); fi
done
count "$contract_passed" "$contract_failed" "API contract"

# --- Browser end-to-end ----------------------------------------------------------------------
echo "== browser end-to-end"
# Ports the OS picks, so nothing already listening (a `make run`, a stale server) can answer instead.
free_port() { /usr/bin/python3 -c 'import socket; s = socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])'; }
e2e_port=$(free_port)
e2e_db=faultline_e2e
psql_admin=(psql -h 127.0.0.1 -p "${FAULTLINE_PG_PORT:-55432}" -U faultline -d postgres -qtA)
if (cd clientapp && npm run --silent build >"$results/spa-build.log" 2>&1) && [ -f src/WebApi/bin/Release/net10.0/Faultline.WebApi.dll ]; then
  "${psql_admin[@]}" -c "DROP DATABASE IF EXISTS $e2e_db WITH (FORCE)" -c "CREATE DATABASE $e2e_db" >/dev/null
  # A real SMTP server for the e-mails the browser tests follow.
  e2e_smtp_port=$(free_port)
  mkdir -p "$results/e2e-mail"/{tmp,new,cur}
  /usr/bin/python3 -m aiosmtpd -n -l "127.0.0.1:$e2e_smtp_port" -c aiosmtpd.handlers.Mailbox "$results/e2e-mail" \
    >"$results/e2e-smtp.log" 2>&1 &
  smtp_pid=$!
  # Every browser suite signs up its own organisations from 127.0.0.1: more sign-ups per address than production allows.
  Smtp__Port=$e2e_smtp_port Faultline__PublicBaseUrl="http://127.0.0.1:$e2e_port" \
  ConnectionStrings__Postgres="Host=127.0.0.1;Port=${FAULTLINE_PG_PORT:-55432};Database=$e2e_db;Username=faultline" \
  Redis__Configuration="127.0.0.1:${FAULTLINE_REDIS_PORT:-56379}" Redis__KeyPrefix="faultline-e2e:$(date +%s):" \
  Spa__RootPath="$root/clientapp/dist" \
  Faultline__Limits__SignUpsPerAddressPerHour=1000 \
  Logging__LogLevel__Default=Warning \
    dotnet src/WebApi/bin/Release/net10.0/Faultline.WebApi.dll --contentRoot "$root/src/WebApi" \
      --urls "http://127.0.0.1:$e2e_port" >"$results/e2e-webapi.log" 2>&1 &
  api_pid=$!
  for _ in $(seq 120); do
    curl -fs "http://127.0.0.1:$e2e_port/health/ready" >/dev/null && break
    kill -0 "$api_pid" 2>/dev/null || break
    sleep 0.5
  done
  if curl -fs "http://127.0.0.1:$e2e_port/health/ready" >/dev/null; then
    (cd clientapp && FAULTLINE_E2E_URL="http://127.0.0.1:$e2e_port" FAULTLINE_E2E_SHOTS="$results/e2e" \
      FAULTLINE_E2E_MAILDIR="$results/e2e-mail" \
      node --test --test-reporter=spec --test-reporter-destination=stdout \
        --test-reporter=tap --test-reporter-destination="$results/e2e.tap" e2e/)
    p=$(sed -n 's/^# pass \([0-9]*\)$/\1/p' "$results/e2e.tap")
    f=$(sed -n 's/^# fail \([0-9]*\)$/\1/p' "$results/e2e.tap")
    # Tests cancelled because their suite's setup failed did not pass either.
    c=$(sed -n 's/^# cancelled \([0-9]*\)$/\1/p' "$results/e2e.tap")
    f=$(( ${f:-0} + ${c:-0} ))
    if [ -n "$p" ]; then count "$p" "${f:-0}" "browser end-to-end"; else broken+=("e2e runner"); fi
    echo "   screenshots in $results/e2e"
  else
    broken+=("e2e: the WebApi did not become ready, see $results/e2e-webapi.log")
  fi
  kill "$api_pid" "$smtp_pid" 2>/dev/null; wait "$api_pid" "$smtp_pid" 2>/dev/null
  "${psql_admin[@]}" -c "DROP DATABASE IF EXISTS $e2e_db WITH (FORCE)" >/dev/null
else
  broken+=("e2e: SPA or WebApi build missing, see $results/spa-build.log")
fi

for b in "${broken[@]}"; do echo "!! could not run: $b"; failed=$((failed + 1)); done
echo "Tests: $passed passed, $failed failed"
[ "$failed" -eq 0 ]
