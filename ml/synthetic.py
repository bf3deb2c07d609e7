#!/usr/bin/env python3
"""Deterministic synthetic failed-CI-log generator (standard library only).

Why: the real dataset (497 Travis logs) has almost no infrastructure / timeout / other
failures and few ecosystems, so the classifier also trains on synthetic logs that cover
every class in every ecosystem and CI framing.

    /usr/bin/python3 ml/synthetic.py --out ml/build/synthetic --per-class 150 --seed 7

writes OUT/labels.jsonl (one object per log, same keys as the real dataset plus
success_log / source / ecosystem / framing) and gzip-compressed logs under OUT/logs/.
`reason` is the exact run of whole log lines that explains the failure (ground truth for
"which lines explain it"); it is asserted to occur verbatim in the log, first at its own
position, and never contains a carriage return.

How a log is made: a synthetic repo (ecosystem + CI framing + noise profile) runs a job of
steps (checkout, setup, install, build, lint, test, ...). Every step gets its noise (install
progress, compiler output, passing tests, harmless warnings) from a per-job seed; the step
named by the chosen cause is replaced by the cause template, rendered in the repo's framing,
followed by after-failure output. The successful twin log re-renders the same job from the
same seed with every step passing, so it shares all noise and harmless warnings.

Cause templates (CAUSES) are small text blocks:
  [[ / ]]      lines between them are the reason (whole lines, contiguous)
  %%NOISE%%    the step's normal output; %%HEAD%% a random prefix of it (the failure cut it off)
  %%END%%      lines after it replace the framing's final status lines (e.g. GitLab timeout)
  %%NOEXIT%%   no "process exited with code N" line after the step (job was killed instead)
  %%NOAFTER%%  no after-failure output (the runner died)
  %%GAP%%      a long pause in timestamps (stalled job)
  *2-5 text    repeat this line 2..5 times with fresh {~values}
  {name}       a value generated from the name (memoised per log); {~name} is always fresh
  {#3-90}      a random integer; {?a¦b¦c} a random alternative (may nest and hold {names});
               {?@g a¦b} takes the same index as every other group named g in the log
               (a ⏎ inside an alternative is a line break; ⦃ ⦄ are literal braces)
"""
import argparse
import gzip
import json
import os
import random
import re
import time
from collections import Counter, namedtuple

LABELS = ["compilation", "test", "lint", "dependency", "configuration", "infrastructure", "timeout", "other"]
ECOS = {  # ecosystem -> languages a repo of it may report
    "npm": ["TypeScript", "JavaScript"], "pip": ["Python"], "maven": ["Java"], "gradle": ["Java", "Kotlin"],
    "dotnet": ["C#"], "cargo": ["Rust"], "go": ["Go"], "bundler": ["Ruby"], "make": ["C++", "C"],
}
FRAMINGS = ["github", "gitlab", "jenkins", "travis"]
ESC = "\x1b"

# ----------------------------------------------------------------------------- vocabulary
WORDS = ("invoice cart user session ledger parser token widget report queue cache order payment account "
         "profile shipment coupon tenant webhook schedule template metric alert channel price catalog review "
         "audit backup quota refund batch cursor export import config router handler client server store "
         "index shard lease balance customer vendor draft").split()
ADJS = "default cached pending active legacy remote local empty nested partial signed async raw".split()
ORGS = ("acme northwind globex initech umbrella contoso hooli vandelay soylent tyrell cyberdyne wonka "
        "stark-labs wayne-ent oscorp pied-piper").split()
VERBS = ("returns rejects parses renders retries handles serializes caches validates emits skips rounds merges "
         "formats loads refreshes normalizes paginates encodes sorts").split()
OBJS = ["the invoice", "an empty cart", "the session token", "a malformed header", "the error message",
        "a failed payment", "unicode input", "the retry budget", "a missing user", "the timeout value",
        "nested groups", "the build matrix", "a 404 response", "the error banner", "the exit code",
        "stale entries", "the failure count", "duplicate events", "the config file", "large payloads",
        "the audit log", "expired coupons", "fatal errors", "the error code"]
CONDS = ["when the cache is cold", "on invalid input", "after a timeout", "without credentials",
         "with a trailing slash", "for negative amounts", "when the upstream fails", "in strict mode",
         "on the second attempt", "when the file does not exist", "with zero failures", "if the queue is full",
         "after an error", "", "", "", "", "by default", "on failure", "when disabled", "when the request fails"]

PKGS = {  # real third-party packages per ecosystem: noise and plausible version conflicts
    "npm": ("react react-dom lodash axios express typescript jest eslint prettier webpack vite @babel/core "
            "@babel/preset-env @types/node @types/react ts-node chalk commander dotenv uuid date-fns zod yup "
            "redux @reduxjs/toolkit react-router-dom styled-components classnames rxjs moment debug semver glob "
            "minimist yargs body-parser cors jsonwebtoken bcrypt mongoose pg knex ioredis node-fetch ws "
            "socket.io graphql @apollo/client postcss autoprefixer sass esbuild rollup "
            "@testing-library/react supertest nock sinon mocha chai husky lint-staged").split(),
    "pip": ("requests numpy pandas scipy flask django fastapi uvicorn pydantic sqlalchemy alembic psycopg2-binary "
            "redis celery boto3 botocore urllib3 certifi idna charset-normalizer click jinja2 markupsafe "
            "itsdangerous werkzeug pytest pytest-cov pytest-xdist coverage attrs pyyaml python-dateutil pytz six "
            "typing-extensions packaging setuptools wheel cryptography cffi pycparser httpx anyio sniffio h11 "
            "orjson tenacity structlog rich").split(),
    "maven": ["org.springframework.boot:spring-boot-starter-web", "com.fasterxml.jackson.core:jackson-databind",
              "org.junit.jupiter:junit-jupiter", "org.mockito:mockito-core", "org.assertj:assertj-core",
              "com.google.guava:guava", "org.apache.commons:commons-lang3", "org.slf4j:slf4j-api",
              "ch.qos.logback:logback-classic", "org.projectlombok:lombok", "org.hibernate.orm:hibernate-core",
              "org.postgresql:postgresql", "io.micrometer:micrometer-core", "com.squareup.okhttp3:okhttp",
              "commons-io:commons-io", "org.yaml:snakeyaml", "io.netty:netty-handler", "com.h2database:h2",
              "org.testcontainers:postgresql", "io.projectreactor:reactor-core", "org.flywaydb:flyway-core",
              "org.apache.maven.plugins:maven-surefire-plugin", "org.jacoco:jacoco-maven-plugin"],
    "dotnet": ("Newtonsoft.Json Serilog Serilog.Sinks.Console Microsoft.Extensions.DependencyInjection "
               "Microsoft.Extensions.Logging Microsoft.EntityFrameworkCore Npgsql.EntityFrameworkCore.PostgreSQL "
               "Dapper AutoMapper FluentValidation MediatR Polly xunit xunit.runner.visualstudio "
               "Microsoft.NET.Test.Sdk Moq FluentAssertions coverlet.collector Swashbuckle.AspNetCore "
               "StackExchange.Redis Azure.Storage.Blobs AWSSDK.S3 Humanizer NodaTime").split(),
    "cargo": ("serde serde_json serde_derive tokio tokio-macros futures futures-util anyhow thiserror clap "
              "clap_derive regex regex-syntax aho-corasick memchr log env_logger tracing tracing-subscriber rand "
              "rand_core getrandom libc cfg-if once_cell lazy_static bytes hyper http reqwest url "
              "percent-encoding itoa ryu proc-macro2 quote syn unicode-ident chrono time num-traits smallvec "
              "hashbrown indexmap parking_lot crossbeam-utils rayon sha2 base64 bitflags").split(),
    "go": ["github.com/stretchr/testify", "github.com/spf13/cobra", "github.com/spf13/viper",
           "github.com/gin-gonic/gin", "github.com/go-chi/chi/v5", "github.com/google/uuid",
           "github.com/jackc/pgx/v5", "github.com/redis/go-redis/v9", "go.uber.org/zap", "go.uber.org/multierr",
           "golang.org/x/sync", "golang.org/x/net", "golang.org/x/sys", "golang.org/x/text", "golang.org/x/crypto",
           "google.golang.org/grpc", "google.golang.org/protobuf", "github.com/prometheus/client_golang",
           "github.com/sirupsen/logrus", "github.com/pkg/errors", "github.com/golang-jwt/jwt/v5",
           "github.com/davecgh/go-spew", "gopkg.in/yaml.v3", "github.com/mattn/go-sqlite3",
           "github.com/aws/aws-sdk-go-v2", "github.com/cespare/xxhash/v2"],
    "bundler": ("rake rack rails actionpack activesupport activerecord railties nokogiri pg puma sidekiq redis "
                "devise rspec rspec-core rspec-expectations rspec-mocks rspec-rails rubocop rubocop-rails "
                "rubocop-rspec factory_bot faker capybara webmock vcr simplecov bootsnap concurrent-ruby i18n "
                "tzinfo zeitwerk minitest json msgpack ffi mini_portile2 racc thor builder erubi loofah mail "
                "marcel nio4r websocket-driver").split(),
    "make": ("build-essential cmake ninja-build pkg-config libssl-dev zlib1g-dev libcurl4-openssl-dev "
             "libboost-all-dev libgtest-dev libbenchmark-dev libfmt-dev libspdlog-dev libyaml-cpp-dev "
             "libprotobuf-dev protobuf-compiler libsqlite3-dev libpq-dev libzstd-dev liblz4-dev libsnappy-dev "
             "clang-format clang-tidy cppcheck lcov valgrind doxygen").split(),
}
PKGS["gradle"] = PKGS["maven"]
SERVICES = ["postgres", "redis", "mysql", "rabbitmq", "elasticsearch", "mongo", "minio", "kafka"]
EXT_HOSTS = ["api.codecov.io", "sonarcloud.io", "hooks.slack.com", "api.github.com", "uploads.github.com",
             "sentry.io", "coveralls.io", "api.{org}-internal.net", "vault.{org}.io", "artifacts.{org}.dev",
             "storage.googleapis.com", "s3.eu-west-1.amazonaws.com", "registry.{org}.io"]
ENVS = ["DATABASE_URL", "AWS_REGION", "NPM_TOKEN", "SONAR_TOKEN", "CODECOV_TOKEN", "DEPLOY_KEY", "API_BASE_URL",
        "SENTRY_DSN", "REDIS_URL", "GPG_PASSPHRASE", "DOCKERHUB_TOKEN", "SLACK_WEBHOOK_URL", "STRIPE_TEST_KEY"]


def camel(ws): return ws[0] + "".join(w.capitalize() for w in ws[1:])
def pascal(ws): return "".join(w.capitalize() for w in ws)
def snake(ws): return "_".join(ws)
def hexs(rng, n): return "%0*x" % (n, rng.getrandbits(4 * n))
def ver(rng): return f"{rng.choice((0, 0, 1, 1, 1, 2, 2, 3, 4, 5, 7))}.{rng.randint(0, 30)}.{rng.randint(0, 20)}"


def phrase(rng):
    """A test-case phrase; about a third mention error/fail/timeout so passing tests are hard negatives."""
    p = f"{rng.choice(VERBS)} {rng.choice(OBJS)} {rng.choice(CONDS)}".strip()
    return p.replace("the ", "").replace("an ", "").replace("a ", "") if rng.random() < 0.3 else p


# ----------------------------------------------------------------------------- repos
TFile = namedtuple("TFile", "path suite cases")


class Repo:
    """A synthetic project: one ecosystem, one CI framing, one consistent noise profile."""

    def __init__(self, rng, eco, idx, framing, pm):
        self.eco, self.framing, self.name = eco, framing, f"syn-{eco}-{idx:02d}"
        self.language = rng.choice(ECOS[eco])
        self.org = rng.choice(ORGS)
        self.proj = f"{rng.choice(WORDS)}-{rng.choice(['api', 'svc', 'core', 'kit', 'lib', 'web', 'cli', 'engine', 'sync', 'hub'])}"
        self.ver = ver(rng)
        self.branch = rng.choice(["main", "main", "master", "develop"])
        self.color = rng.random() < {"github": 0.5, "gitlab": 0.7, "jenkins": 0.25, "travis": 0.8}[framing]
        self.verbose = rng.random() < 0.65          # per-test lines vs dots / quiet output
        self.scale = rng.uniform(0.7, 3.0)          # how chatty this project's build is
        self.jenkins_ts = rng.random() < 0.5         # Jenkins timestamper plugin on?
        self.hosted = rng.random() < 0.75            # GitHub-hosted vs self-hosted runner
        self.services = rng.sample(SERVICES, rng.randint(1, 2)) if rng.random() < 0.4 else []
        self.mods = rng.sample(WORDS, 6)
        self.pkg = self.proj.replace("-", "_")
        self.gomod = f"github.com/{self.org}/{self.proj}"
        self.jpkg = f"com.{self.org.replace('-', '')}.{self.pkg.replace('_', '')}"
        self.Proj = pascal(self.proj.split("-"))
        self.ws = {"github": f"/home/runner/work/{self.proj}/{self.proj}", "gitlab": f"/builds/{self.org}/{self.proj}",
                   "jenkins": f"/var/lib/jenkins/workspace/{self.proj}_{self.branch}",
                   "travis": f"/home/travis/build/{self.org}/{self.proj}"}[framing]
        self.ts = self.language == "TypeScript"
        self.kotlin = self.language == "Kotlin"
        self.cpp = self.language == "C++"
        self.pm = pm
        self.cmds = dict(zip(("install", "build", "lint", "test"), CMDS[eco][self.pm]))
        self.lint_last = rng.random() < 0.4          # some projects lint after the tests
        self.toolver = TOOLVER[eco](rng)
        self.major = self.toolver.rsplit(".", 1)[0] if eco in ("pip", "go") else self.toolver.split(".")[0]
        tool, home = {"pip": ("Python", "/usr/local"), "go": ("go", "/usr/local/go"), "bundler": ("Ruby", "/usr/local")}.get(eco, (eco, "/usr/local"))
        self.toolhome = f"/opt/hostedtoolcache/{tool}/{self.toolver}/x64" if framing == "github" else home
        self.warnings = rng.sample(HARMLESS[eco], min(len(HARMLESS[eco]), rng.randint(2, 5)))
        self.deps = rng.sample(PKGS[eco], min(len(PKGS[eco]), rng.randint(15, 40)))
        self.tfiles = [self._tfile(rng) for _ in range(rng.randint(12, 45))]

    def _tfile(self, rng):
        w = rng.sample(WORDS, 2)
        m = rng.choice(self.mods)
        ph = [phrase(rng) for _ in range(rng.randint(3, 14))]
        e = self.eco
        if e == "npm":
            x = "ts" if self.ts else "js"
            return TFile(f"src/{m}/{pascal(w)}.test.{x}", pascal(w), ph)
        if e == "pip":
            return TFile(f"tests/{m}/test_{snake(w)}.py", f"Test{pascal(w)}", ["test_" + p.replace(" ", "_") for p in ph])
        if e in ("maven", "gradle"):
            x = "kt" if self.kotlin else "java"
            return TFile(f"src/test/{'kotlin' if self.kotlin else 'java'}/{self.jpkg.replace('.', '/')}/{m}/{pascal(w)}Test.{x}",
                         f"{self.jpkg}.{m}.{pascal(w)}Test", [camel(p.split()) for p in ph])
        if e == "dotnet":
            return TFile(f"tests/{self.Proj}.Tests/{pascal([m])}/{pascal(w)}Tests.cs",
                         f"{self.Proj}.Tests.{pascal([m])}.{pascal(w)}Tests",
                         [f"{pascal(p.split()[:2])}_{pascal(p.split()[2:]) or 'Always'}" for p in ph])
        if e == "cargo":
            return TFile(f"src/{snake(w)}.rs", f"{snake(w)}::tests", [p.replace(" ", "_") for p in ph])
        if e == "go":
            return TFile(f"internal/{m}/{snake(w)}_test.go", f"{self.gomod}/internal/{m}", ["Test" + pascal(p.split()[:4]) for p in ph])
        if e == "bundler":
            return TFile(f"spec/{m}s/{snake(w)}_spec.rb", f"{pascal(w)}#{snake([rng.choice(VERBS)])}", ph)
        return TFile(f"tests/{snake(w)}_test.{'cpp' if self.cpp else 'c'}", f"{pascal(w)}Test", [pascal(p.split()[:4]) for p in ph])

    def src(self, rng):
        w, m, e = rng.sample(WORDS, 2), rng.choice(self.mods), self.eco
        return {"npm": f"src/{m}/{pascal(w) if rng.random() < .5 else camel(w)}.{'ts' if self.ts else 'js'}{'x' if rng.random() < .2 else ''}",
                "pip": f"{self.pkg}/{m}/{snake(w)}.py",
                "maven": f"src/main/java/{self.jpkg.replace('.', '/')}/{m}/{pascal(w)}.java",
                "gradle": f"src/main/{'kotlin' if self.kotlin else 'java'}/{self.jpkg.replace('.', '/')}/{m}/{pascal(w)}.{'kt' if self.kotlin else 'java'}",
                "dotnet": f"src/{self.Proj}/{pascal([m])}/{pascal(w)}.cs",
                "cargo": f"src/{m}/{snake(w)}.rs", "go": f"internal/{m}/{snake(w)}.go",
                "bundler": f"{rng.choice(['app/models', 'app/services', 'lib/' + self.pkg])}/{snake(w)}.rb",
                "make": f"src/{m}/{snake(w)}.{'cpp' if self.cpp else 'c'}"}[e]


# package manager / build tool variants per ecosystem; CMDS[eco][variant] = install, build, lint, test
PM_VARIANTS = {"npm": ["npm", "yarn", "pnpm"], "pip": ["pip", "poetry", "tox"], "maven": ["mvn", "mvnw"],
               "gradle": ["gradlew"], "dotnet": ["dotnet"], "cargo": ["cargo"], "go": ["go", "gomake"],
               "bundler": ["bundle"], "make": ["cmake", "make"]}
CMDS = {
    "npm": {"npm": ("npm ci", "npm run build", "npm run lint", "npm test -- --ci"),
            "yarn": ("yarn install --frozen-lockfile", "yarn build", "yarn lint", "yarn test --ci --coverage"),
            "pnpm": ("pnpm install --frozen-lockfile", "pnpm run build", "pnpm run lint", "pnpm test")},
    "pip": {"pip": ("pip install -r requirements-dev.txt", "python -m compileall -q src", "flake8 .", "pytest -v --cov"),
            "poetry": ("poetry install --no-interaction --no-root", "poetry build", "poetry run ruff check .", "poetry run pytest -ra"),
            "tox": ("pip install tox -e .[test]", "python setup.py build_ext --inplace", "tox -e lint", "python -m pytest -q")},
    "maven": {"mvn": ("mvn -B dependency:go-offline", "mvn -B compile", "mvn -B checkstyle:check", "mvn -B test"),
              "mvnw": ("./mvnw -B -ntp dependency:resolve", "./mvnw -B -ntp compile", "./mvnw -B -ntp checkstyle:check", "./mvnw -B -ntp verify")},
    "gradle": {"gradlew": ("./gradlew dependencies --console=plain", "./gradlew assemble --console=plain",
                           "./gradlew checkstyleMain --console=plain", "./gradlew test --console=plain")},
    "dotnet": {"dotnet": ("dotnet restore", "dotnet build --no-restore -c Release", "dotnet format --verify-no-changes",
                          "dotnet test --no-build -c Release --logger \"console;verbosity=normal\"")},
    "cargo": {"cargo": ("cargo fetch --locked", "cargo build --release --locked", "cargo clippy --all-targets",
                        "cargo test --all-features")},
    "go": {"go": ("go mod download -x", "go build -v ./...", "go vet ./...", "go test -race -v ./..."),
           "gomake": ("go mod download", "make build", "make lint", "make test")},
    "bundler": {"bundle": ("bundle install --jobs 4 --retry 3", "bundle exec rails db:schema:load", "bundle exec rubocop",
                           "bundle exec rspec")},
    "make": {"cmake": ("sudo apt-get install -y --no-install-recommends $APT_PACKAGES", "cmake -B build -DCMAKE_BUILD_TYPE=Release && cmake --build build -j4",
                       "cppcheck --enable=warning --error-exitcode=1 src", "ctest --test-dir build --output-on-failure"),
             "make": ("sudo apt-get install -y $APT_PACKAGES", "make -j4", "make lint", "make check")},
}
TOOLVER = {  # tool versions shown by setup steps
    "npm": lambda r: r.choice(["18.19.1", "20.11.1", "20.12.2", "22.2.0", "16.20.2"]),
    "pip": lambda r: r.choice(["3.9.19", "3.10.14", "3.11.8", "3.12.3", "3.8.18"]),
    "maven": lambda r: r.choice(["17.0.10", "21.0.2", "11.0.22"]),
    "gradle": lambda r: r.choice(["17.0.10", "21.0.2", "11.0.22"]),
    "dotnet": lambda r: r.choice(["8.0.204", "8.0.101", "7.0.410", "6.0.421"]),
    "cargo": lambda r: r.choice(["1.75.0", "1.76.0", "1.77.2", "1.78.0"]),
    "go": lambda r: r.choice(["1.21.9", "1.22.2", "1.20.14"]),
    "bundler": lambda r: r.choice(["3.1.4", "3.2.3", "3.3.1", "2.7.8"]),
    "make": lambda r: r.choice(["11.4.0", "12.3.0", "13.2.0"]),
}

# Harmless lines a project prints on every build (present in the failed AND the successful log).
# Many contain "error"/"fail"/"timeout" on purpose: they must not be mistaken for the cause.
HARMLESS = {
    "npm": ["npm WARN deprecated request@2.88.2: request has been deprecated, see https://github.com/request/request/issues/3142",
            "npm WARN deprecated stable@0.1.8: Modern JS already guarantees Array#sort() is a stable sort, so this library is deprecated. See the compatibility table on MDN: https://developer.mozilla.org/en-US/docs/Web/JavaScript/Reference/Global_Objects/Array/sort#browser_compatibility",
            "npm WARN deprecated uuid@3.4.0: Please upgrade  to version 7 or higher.  Older versions may use Math.random() in certain circumstances, which is known to be problematic.  See https://v8.dev/blog/math-random for details.",
            "(node:2291) [DEP0040] DeprecationWarning: The `punycode` module is deprecated. Please use a userland alternative instead.",
            "Browserslist: caniuse-lite is outdated. Please run:\n  npx update-browserslist-db@latest\n  Why you should do it regularly: https://github.com/browserslist/update-db#readme",
            "warning \" > react-error-overlay@6.0.11\" has unmet peer dependency \"react@^16.8.0\".",
            "npm WARN deprecated @humanwhocodes/config-array@0.11.14: Use @eslint/config-array instead",
            "npm WARN deprecated inflight@1.0.6: This module is not supported, and leaks memory. Do not use it. Check out lru-cache if you want a good and tested way to coalesce async requests by a key value, which is much more comprehensive and powerful.",
            "npm WARN config production Use `--omit=dev` instead.",
            "    console.error\n      Warning: An update to ErrorBoundary inside a test was not wrapped in act(...).",
            "Error: Not implemented: HTMLCanvasElement.prototype.getContext (without installing the canvas npm package)"],
    "pip": ["WARNING: Running pip as the 'root' user can result in broken permissions and conflicting behaviour with the system package manager. It is recommended to use a virtual environment instead: https://pip.pypa.io/warnings/venv",
            "DEPRECATION: Building 'pyyaml' using the legacy setup.py bdist_wheel mechanism, which will be removed in a future version. pip 25.3 will enforce this behaviour change.",
            "ERROR: pip's dependency resolver does not currently take into account all the packages that are installed. This behaviour is the source of the following dependency conflicts.\nbotocore 1.34.51 requires urllib3<2.1,>=1.25.4; python_version >= \"3.10\", but you have urllib3 2.2.1 which is incompatible.",
            "[notice] A new release of pip is available: 23.0.1 -> 24.0\n[notice] To update, run: pip install --upgrade pip",
            "  {pyhome}/lib/python{major}/site-packages/dateutil/tz/tz.py:37: DeprecationWarning: datetime.datetime.utcfromtimestamp() is deprecated and scheduled for removal in a future version.",
            "  warnings.warn(\"error_on_timeout is deprecated, use raise_on_timeout\", FutureWarning)",
            "WARNING: The script normalizer is installed in '/home/runner/.local/bin' which is not on PATH."],
    "maven": ["[WARNING] Some problems were encountered while building the effective model for {jpkg}:{proj}:jar:{ver}-SNAPSHOT\n[WARNING] 'build.plugins.plugin.version' for org.apache.maven.plugins:maven-jar-plugin is missing. @ line 112, column 15",
              "SLF4J: Failed to load class \"org.slf4j.impl.StaticLoggerBinder\".\nSLF4J: Defaulting to no-operation (NOP) logger implementation\nSLF4J: See http://www.slf4j.org/codes.html#StaticLoggerBinder for further details.",
              "[WARNING] /{ws}/src/main/java/LegacyErrorMapper.java: Some input files use or override a deprecated API.\n[WARNING] /{ws}/src/main/java/LegacyErrorMapper.java: Recompile with -Xlint:deprecation for details.",
              "OpenJDK 64-Bit Server VM warning: Sharing is only supported for boot loader classes because bootstrap classpath has been appended",
              "[WARNING] The requested profile \"ci-errorprone\" could not be activated because it does not exist.",
              "WARNING: A terminally deprecated method in java.lang.System has been called"],
    "gradle": ["Deprecated Gradle features were used in this build, making it incompatible with Gradle 9.0.\n\nYou can use '--warning-mode all' to show the individual deprecation warnings and determine if they come from your own scripts or plugins.",
               "warning: [options] bootstrap classpath not set in conjunction with -source 8",
               "Note: Some input files use unchecked or unsafe operations.\nNote: Recompile with -Xlint:unchecked for details.",
               "SLF4J: Failed to load class \"org.slf4j.impl.StaticLoggerBinder\".\nSLF4J: Defaulting to no-operation (NOP) logger implementation",
               "w: file://{ws}/src/main/kotlin/ErrorHandler.kt:41:13 Parameter 'cause' is never used",
               "OpenJDK 64-Bit Server VM warning: Sharing is only supported for boot loader classes because bootstrap classpath has been appended"],
    "dotnet": ["{ws}/src/{Proj}/Models/ErrorResponse.cs(12,23): warning CS8618: Non-nullable property 'Message' must contain a non-null value when exiting constructor. Consider declaring the property as nullable. [{ws}/src/{Proj}/{Proj}.csproj]",
               "{ws}/src/{Proj}/{Proj}.csproj : warning NU1603: {Proj} depends on Polly (>= 7.2.3) but Polly 7.2.3 was not found. An approximate best match of Polly 7.2.4 was resolved.",
               "{ws}/tests/{Proj}.Tests/FailureTests.cs(44,13): warning xUnit1031: Do not use blocking task operations in test method. (https://xunit.net/xunit.analyzers/rules/xUnit1031) [{ws}/tests/{Proj}.Tests/{Proj}.Tests.csproj]",
               "{ws}/src/{Proj}/Legacy/RetryPolicy.cs(30,16): warning CS0618: 'RetryPolicy.OnError(Action<Exception>)' is obsolete: 'Use OnFailure instead' [{ws}/src/{Proj}/{Proj}.csproj]",
               "/usr/share/dotnet/sdk/8.0.204/Sdks/Microsoft.NET.Sdk/targets/Microsoft.NET.EolTargetFrameworks.targets(32,5): warning NETSDK1138: The target framework 'netcoreapp3.1' is out of support and will not receive security updates in the future."],
    "cargo": ["warning: unused variable: `err`\n  --> src/error.rs:48:13\n   |\n48 |         Err(err) => {}\n   |             ^^^ help: if this is intentional, prefix it with an underscore: `_err`\n   |\n   = note: `#[warn(unused_variables)]` on by default",
              "warning: field `error_count` is never read\n  --> src/stats.rs:12:5\n   |\n10 | pub struct Stats {\n   |            ----- field in this struct\n11 |     total: u64,\n12 |     error_count: u64,\n   |     ^^^^^^^^^^^\n   |\n   = note: `#[warn(dead_code)]` on by default",
              "warning: the following packages contain code that will be rejected by a future version of Rust: buf_redux v0.8.4\nnote: to see what the problems were, use the option `--future-incompat-report`, or run `cargo report future-incompatibilities --id 1`",
              "warning: profile package spec `insta` in profile `dev` did not match any packages"],
    "go": ["# github.com/mattn/go-sqlite3\nsqlite3-binding.c: In function 'sqlite3SelectNew':\nsqlite3-binding.c:128049:10: warning: function may return address of local variable [-Wreturn-local-addr]\n128049 |   return pNew;\n       |          ^~~~",
           "go: downloading golang.org/x/tools v0.17.0\ngo: finding module for package github.com/pkg/errors",
           "level=warning msg=\"[linters_context] copyloopvar: this linter is disabled because the Go version (1.21) of your project is lower than Go 1.22\"",
           "ld: warning: -bind_at_load is deprecated on macOS"],
    "bundler": ["Your Gemfile lists the gem rspec-rails (>= 0) more than once.\nYou should probably keep only one of them.\nRemove any duplicate entries and specify the gem only once.\nWhile it's not a problem now, it could cause errors if you change the version of one of them later.",
                "DEPRECATION WARNING: ActiveSupport::ProxyObject is deprecated and will be removed from Rails 8.0 (use Ruby's built-in BasicObject instead). (called from <top (required)> at {ws}/config/application.rb:12)",
                "warning: parser/current is loading parser/ruby31, which recognizes 3.1.4-compliant syntax, but you are running 3.1.2.\nPlease see https://github.com/whitequark/parser#compatibility-with-ruby-mri.",
                "{ws}/vendor/bundle/ruby/3.2.0/gems/error_highlight-0.5.1/lib/error_highlight/base.rb:12: warning: method redefined; discarding old spot",
                "Post-install message from sass:\n\nRuby Sass has reached end-of-life and should no longer be used."],
    "make": ["CMake Deprecation Warning at CMakeLists.txt:1 (cmake_minimum_required):\n  Compatibility with CMake < 3.5 will be removed from a future version of\n  CMake.",
             "debconf: delaying package configuration, since apt-utils is not installed",
             "-- Could NOT find Doxygen (missing: DOXYGEN_EXECUTABLE) ",
             "ar: `u' modifier ignored since `D' is the default (see `U')",
             "src/util/error_log.c:88:5: warning: 'strncpy' specified bound 64 equals destination size [-Wstringop-truncation]",
             "W: https://apt.llvm.org/jammy/dists/llvm-toolchain-jammy/InRelease: Key is stored in legacy trusted.gpg keyring (/etc/apt/trusted.gpg), see the DEPRECATION section in apt-key(8) for details."],
}


# ----------------------------------------------------------------------------- template values
def _fakepkg(V):
    r, e, w = V.rng, V.R.eco, V.rng.sample(WORDS, 2)
    return {"npm": f"@{V.R.org}/{'-'.join(w)}" if r.random() < .5 else f"{'-'.join(w)}-js",
            "pip": "-".join(w), "maven": f"com.{V.R.org.replace('-', '')}:{'-'.join(w)}",
            "gradle": f"com.{V.R.org.replace('-', '')}:{'-'.join(w)}", "dotnet": f"{pascal([V.R.org.replace('-', '')])}.{pascal(w)}",
            "cargo": "-".join(w), "go": f"github.com/{V.R.org}/{'-'.join(w)}", "bundler": "_".join(w),
            "make": f"lib{''.join(w)}-dev"}[e]


def _ident(V):
    ws = V.rng.sample(WORDS, 2)
    return snake(ws) if V.R.eco in ("pip", "cargo", "bundler", "make") else camel(ws)


GEN = {  # value generators by key name (trailing digits ignored: {src2} is another src)
    "ln": lambda V: str(V.rng.randint(3, 480)), "col": lambda V: str(V.rng.randint(1, 60)),
    "n": lambda V: str(V.rng.randint(2, 9)), "N": lambda V: str(V.rng.randint(10, 999)),
    "ms": lambda V: str(V.rng.randint(1, 900)), "secs": lambda V: f"{V.rng.uniform(0.5, 300):.2f}",
    "pct": lambda V: f"{V.rng.uniform(40, 89):.2f}", "hex": lambda V: hexs(V.rng, 7), "h8": lambda V: hexs(V.rng, 8),
    "h12": lambda V: hexs(V.rng, 12), "sha": lambda V: hexs(V.rng, 40), "h64": lambda V: hexs(V.rng, 64),
    "ver": lambda V: ver(V.rng), "ip": lambda V: f"10.{V.rng.randint(0, 255)}.{V.rng.randint(0, 255)}.{V.rng.randint(2, 254)}",
    "port": lambda V: str(V.rng.randint(1024, 65000)), "word": lambda V: V.rng.choice(WORDS),
    "Word": lambda V: V.rng.choice(WORDS).capitalize(), "adj": lambda V: V.rng.choice(ADJS),
    "ident": _ident, "Cls": lambda V: pascal(V.rng.sample(WORDS, 2)), "fn": _ident,
    "src": lambda V: V.R.src(V.rng), "dep": lambda V: V.rng.choice(V.R.deps), "fakepkg": _fakepkg,
    "svc": lambda V: (V.R.services or SERVICES)[V.rng.randrange(len(V.R.services or SERVICES))],
    "host": lambda V: V.rng.choice(EXT_HOSTS).replace("{org}", V.R.org), "env": lambda V: V.rng.choice(ENVS),
    "val": lambda V: str(V.rng.choice([V.rng.randint(0, 500), round(V.rng.uniform(0, 99), 2)])),
    "phrase": lambda V: phrase(V.rng), "uuid": lambda V: f"{hexs(V.rng, 8)}-{hexs(V.rng, 4)}-{hexs(V.rng, 4)}-{hexs(V.rng, 4)}-{hexs(V.rng, 12)}",
    "tfile2": lambda V: V.rng.choice(V.R.tfiles).path, "cov": lambda V: str(V.rng.randint(50, 79)),
    "covmin": lambda V: str(V.rng.randint(80, 90)), "badver": lambda V: f"{V.rng.randint(30, 99)}.{V.rng.randint(0, 9)}.{V.rng.randint(0, 9)}",
    "oldver": lambda V: f"0.{V.rng.randint(1, 5)}",
    # out-of-memory / out-of-disk as each toolchain reports it
    "oommsg": lambda V: V.rng.choice({
        "npm": ["FATAL ERROR: Reached heap limit Allocation failed - JavaScript heap out of memory", "<--- Last few GCs --->⏎⏎[{#1000-9999}:0x{h12}]   {#60000-99999} ms: Mark-Compact 4047.2 (4131.4) -> 4032.1 (4133.1) MB⏎⏎FATAL ERROR: Ineffective mark-compacts near heap limit Allocation failed - JavaScript heap out of memory"],
        "pip": ["MemoryError", "Killed"], "maven": ["java.lang.OutOfMemoryError: Java heap space", "[ERROR] ExecutionException The forked VM terminated without properly saying goodbye. VM crash or System.exit called?⏎[ERROR] Command was /bin/sh -c cd {ws} && /usr/lib/jvm/temurin-17-jdk-amd64/bin/java -Xmx4g -jar {ws}/target/surefire/surefirebooter.jar⏎[ERROR] Error occurred in starting fork, check output in log⏎[ERROR] Process Exit Code: 137"],
        "gradle": ["Expiring Daemon because JVM heap space is exhausted⏎Daemon will be stopped at the end of the build after running out of JVM memory", "java.lang.OutOfMemoryError: Java heap space", "Gradle build daemon disappeared unexpectedly (it may have been killed or may have crashed)"],
        "dotnet": ['error MSB6006: "dotnet" exited with code 137.', "Out of memory.⏎Killed"],
        "cargo": ["{R}{B}error{X}: could not compile `{pkg}` (lib)⏎⏎Caused by:⏎  process didn't exit successfully: `rustc --crate-name {pkg} --edition=2021 src/lib.rs` (signal: 9, SIGKILL: kill)", "LLVM ERROR: out of memory"],
        "go": ["fatal error: runtime: out of memory", "signal: killed⏎FAIL	{tsuite}	{#100-600}.{#100-999}s"],
        "bundler": ["failed to allocate memory (NoMemoryError)", "Killed"],
        "make": ["c++: fatal error: Killed signal terminated program cc1plus⏎compilation terminated.", "virtual memory exhausted: Cannot allocate memory"]}[V.R.eco]),
    "diskmsg": lambda V: V.rng.choice({
        "npm": ["{npmerr} code ENOSPC⏎{npmerr} syscall write⏎{npmerr} errno -28⏎{npmerr} nospc ENOSPC: no space left on device, write"],
        "pip": ["ERROR: Could not install packages due to an OSError: [Errno 28] No space left on device", "OSError: [Errno 28] No space left on device: '{ws}/{word}'"],
        "maven": ["java.io.IOException: No space left on device", "[ERROR] Failed to execute goal org.apache.maven.plugins:maven-jar-plugin:3.3.0:jar (default-jar) on project {proj}: Error assembling JAR: No space left on device"],
        "gradle": ["java.io.IOException: No space left on device", "> Could not write to file '{ws}/build/tmp/{word}.bin': No space left on device"],
        "dotnet": ["System.IO.IOException: No space left on device : '/home/runner/.nuget/packages/{word}'", "error MSB3021: Unable to copy file \"obj/Release/net8.0/{Proj}.dll\" to \"bin/Release/net8.0/{Proj}.dll\". No space left on device"],
        "cargo": ["error: failed to write {ws}/target/debug/deps/{word}-{h12}{h8}.rlib: No space left on device (os error 28)", "/usr/bin/ld: final link failed: No space left on device"],
        "go": ["go: writing stat cache: write /home/runner/.cache/go-build/{hex}: no space left on device", "/usr/local/go/pkg/tool/linux_amd64/link: flushing $WORK/b001/exe/a.out: write $WORK/b001/exe/a.out: no space left on device"],
        "bundler": ["Errno::ENOSPC: No space left on device @ io_write - {ws}/vendor/bundle/ruby/3.2.0/cache/{word}.gem"],
        "make": ["/usr/bin/ld: final link failed: No space left on device", "{src}:{ln}:{col}: fatal error: error writing to /tmp/cc{h8}.s: No space left on device"]}[V.R.eco]),
    "lkok": lambda V: str(int(V.val("lktotal")) - V.rng.randint(1, 3)), "lktotal": lambda V: str(V.rng.randint(100, 900)),
    "svcport": lambda V: {"postgres": "5432", "redis": "6379", "mysql": "3306", "rabbitmq": "5672", "elasticsearch": "9200",
                          "mongo": "27017", "minio": "9000", "kafka": "9092"}[V.val("svc")], "tcase_any": lambda V: V.rng.choice(V.rng.choice(V.R.tfiles).cases),
}
VAR = re.compile(r"\{(~?[A-Za-z_]\w*|#\d+-\d+)\}")
REPEAT = re.compile(r"^\*(\d+)-(\d+) ")


class Vars(dict):
    """Template values: fixed ones (repo, job) plus lazily generated ones named after their kind."""

    def __init__(self, rng, R, fixed):
        super().__init__(fixed)
        self.rng, self.R, self.memo = rng, R, {}

    def val(self, k, fresh=False):
        """Value of key k (None if no generator knows it); memoised unless fresh."""
        if not fresh and k in self:
            return self[k]
        gen = GEN.get(k) or GEN.get(k.rstrip("0123456789"))
        if gen is None:
            return None
        v = fill(gen(self), self)
        if not fresh:
            self[k] = v
        return v

    def _sub(self, m):
        k = m.group(1)
        if k[0] == "#":
            a, b = k[1:].split("-")
            return str(self.rng.randint(int(a), int(b)))
        v = self.val(k.lstrip("~"), fresh=k[0] == "~")
        return m.group(0) if v is None else v       # unknown names (literal braces in code) stay as they are


def choose(s, rng, memo):
    """Resolve {?a¦b¦c} alternatives (they may nest). {?@name a¦b} picks the same index as every other
    group called name in this log, so a message, its code frame and the step command agree."""
    out, i = [], 0
    while True:
        j = s.find("{?", i)
        if j < 0:
            return "".join(out) + s[i:]
        out.append(s[i:j])
        depth, k, start, parts = 1, j + 2, j + 2, []
        while depth:
            ch = s[k]
            if ch == "{":
                depth += 1
            elif ch == "}":
                depth -= 1
            elif ch == "¦" and depth == 1:
                parts.append(s[start:k])
                start = k + 1
            k += 1
        parts.append(s[start:k - 1])
        key = None
        if parts[0].startswith("@"):
            key, _, parts[0] = parts[0][1:].partition(" ")
        idx = memo[key] % len(parts) if key in memo else rng.randrange(len(parts))
        if key:
            memo[key] = idx
        out.append(choose(parts[idx], rng, memo))
        i = k


def fill(s, V):
    if "{" not in s:
        return s
    s = choose(s, V.rng, V.memo)
    s = VAR.sub(V._sub, s)
    # ⏎ lets one alternative span lines; ⦃ ⦄ are literal braces where a template needs unbalanced ones
    return s.replace("⏎", "\n").replace("⦃", "{").replace("⦄", "}") if "⏎" in s or "⦃" in s or "⦄" in s else s


Piece = namedtuple("Piece", "lines reason end gaps noexit noafter")


def expand(tpl, V, body):
    """Render a cause template into lines; returns where the reason and the end block are."""
    out, rs, re_, end, gaps, flags = [], None, None, None, [], set()
    for raw in tpl.strip("\n").split("\n"):
        if raw == "[[":
            rs = len(out)
        elif raw == "]]":
            re_ = len(out)
        elif raw == "%%NOISE%%":
            out += body
        elif raw == "%%HEAD%%":
            out += body[:V.rng.randint(int(len(body) * 0.3), len(body))] if body else []
        elif raw == "%%END%%":
            end = len(out)
        elif raw == "%%GAP%%":
            gaps.append(len(out))
        elif raw in ("%%NOEXIT%%", "%%NOAFTER%%"):
            flags.add(raw)
        else:
            m = REPEAT.match(raw)
            times = V.rng.randint(int(m.group(1)), int(m.group(2))) if m else 1
            line = raw[m.end():] if m else raw
            for _ in range(times):
                out += fill(line, V).split("\n")
    assert rs is not None and re_ is not None and re_ > rs, tpl[:80]
    return Piece(out, (rs, re_), end, gaps, "%%NOEXIT%%" in flags, "%%NOAFTER%%" in flags)


# ----------------------------------------------------------------------------- step noise
# Each generator returns (body, footer, facts): body is what the step prints while it works,
# footer what it prints when it succeeds (a failing step prints the template instead), facts
# numbers templates must agree with (e.g. how many tests passed).
def cols(R):
    keys = "R G Y C B D X".split()
    codes = ["31m", "32m", "33m", "36m", "1m", "2m", "0m"]
    return {k: (ESC + "[" + c if R.color else "") for k, c in zip(keys, codes)}


def nlines(rng, k, lo, hi):
    return max(1, int(rng.uniform(lo, hi) * k))


def coverage_table(R, rng, files, style):
    rows = []
    if style == "jest":
        rows += ["-" * 24 + "|---------|----------|---------|---------|-------------------",
                 "File".ljust(24) + "| % Stmts | % Branch | % Funcs | % Lines | Uncovered Line #s ",
                 "-" * 24 + "|---------|----------|---------|---------|-------------------"]
        for f in files:
            a = [rng.uniform(55, 100) for _ in range(4)]
            miss = ",".join(str(rng.randint(5, 300)) for _ in range(rng.randint(0, 3)))
            rows.append(f" {f[:22].ljust(23)}|{a[0]:8.2f} |{a[1]:9.2f} |{a[2]:8.2f} |{a[3]:8.2f} | {miss}")
        rows.append("-" * 24 + "|---------|----------|---------|---------|-------------------")
    else:
        rows += ["", "---------- coverage: platform linux, python 3.11.8-final-0 -----------",
                 "Name".ljust(44) + "Stmts   Miss  Cover", "-" * 62]
        tot = miss = 0
        for f in files:
            s = rng.randint(8, 400); m = rng.randint(0, s // 4); tot += s; miss += m
            rows.append(f"{f[:43].ljust(44)}{s:5d}  {m:5d}  {100 * (s - m) // s:4d}%")
        rows += ["-" * 62, f"{'TOTAL'.ljust(44)}{tot:5d}  {miss:5d}  {100 * (tot - miss) // max(tot, 1):4d}%"]
    return rows


def test_listing(R, rng, k, fmt):
    """Passing tests grouped by file, in the runner's own format. Returns lines, count."""
    files = rng.sample(R.tfiles, min(len(R.tfiles), nlines(rng, k, 6, 30)))
    c, out, n = cols(R), [], 0
    for f in files:
        out += fmt(f, c, rng)
        n += len(f.cases)
    return out, n, files


def jest_file(f, c, rng, verbose=True):
    tag = f"{ESC}[0m{ESC}[7m{ESC}[1m{ESC}[32m PASS {ESC}[39m{ESC}[22m{ESC}[27m{ESC}[0m" if c["G"] else "PASS"
    out = [f"{tag} {c['D']}{f.path.rsplit('/', 1)[0]}/{c['X']}{c['B']}{f.path.rsplit('/', 1)[1]}{c['X']}"
           + (f" ({rng.uniform(1, 9):.3f} s)" if rng.random() < .4 else "")]
    if verbose:
        out.append(f"  {f.suite}")
        out += [f"    {c['G']}✓{c['X']} {c['D']}{t} ({rng.randint(1, 90)} ms){c['X']}" for t in f.cases]
    return out


def noise_npm(R, rng, kind, k, V):
    c, pm, b, foot, facts = cols(R), R.pm, [], [], {}
    run = {"npm": "npm run", "yarn": "yarn", "pnpm": "pnpm run"}[pm]
    if kind == "install":
        if pm == "yarn":
            b += [f"yarn install v1.22.{rng.randint(10, 22)}", "[1/4] Resolving packages...", "[2/4] Fetching packages..."]
            b += [f"warning {p}@{ver(rng)}: This version is no longer supported. Please upgrade." for p in rng.sample(R.deps, 3)]
            b += ["info fsevents@2.3.3: The platform \"linux\" is incompatible with this module.",
                  "info \"fsevents@2.3.3\" is an optional dependency and failed compatibility check. Excluding it from installation.",
                  "[3/4] Linking dependencies..."]
            b += [f"warning \" > {p}@{ver(rng)}\" has unmet peer dependency \"{rng.choice(R.deps)}@^{rng.randint(1, 18)}.0.0\"." for p in rng.sample(R.deps, rng.randint(1, 6))]
            b += ["[4/4] Building fresh packages..."]
            foot = [f"Done in {rng.uniform(8, 120):.2f}s."]
        elif pm == "pnpm":
            b += ["Lockfile is up to date, resolution step is skipped"]
            tot = nlines(rng, k, 300, 1800)
            b += [f"Progress: resolved {i}, reused {i - j}, downloaded {j}, added {i}" for i, j in
                  ((tot * s // 40, tot * s // 160) for s in range(1, 41))]
            b += [f"Packages: +{tot}", "+" * min(tot // 10, 120), "", "dependencies:"]
            b += [f"+ {p} {ver(rng)}" for p in R.deps[:12]]
            foot = ["", f"Done in {rng.uniform(4, 60):.1f}s"]
        else:
            b += [f"npm WARN deprecated {p}@{ver(rng)}: this package is no longer maintained" for p in rng.sample(R.deps, rng.randint(1, 6))]
            if rng.random() < .15:   # a corrupt tarball, retried successfully
                b.append(f"npm WARN tarball tarball data for {rng.choice(R.deps)}@{ver(rng)} (sha512-{hexs(rng, 40)}==) seems to be corrupted. Trying again.")
            if R.verbose:
                b += [f"npm http fetch GET 200 https://registry.npmjs.org/{p}/-/{p.split('/')[-1]}-{ver(rng)}.tgz {rng.randint(3, 900)}ms (cache {'miss' if rng.random() < .7 else 'revalidated'})"
                      for p in (rng.choice(R.deps) for _ in range(nlines(rng, k, 60, 700)))]
            n = tot = rng.randint(300, 2200)
            foot = [f"added {n} packages, and audited {n + 1} packages in {rng.randint(5, 90)}s", "",
                    f"{rng.randint(20, 240)} packages are looking for funding", "  run `npm fund` for details", ""]
            foot += (["found 0 vulnerabilities"] if rng.random() < .5 else
                     [f"{rng.randint(2, 30)} vulnerabilities ({rng.randint(1, 9)} moderate, {rng.randint(1, 9)} high)", "",
                      "To address issues that do not require attention, run:", "  npm audit fix", "",
                      "Run `npm audit` for details."])
        if rng.random() < .5:  # a native module whose prebuilt binary 404s, then builds fine from source
            b += ["", "> bcrypt@5.1.1 install", "> node-pre-gyp install --fallback-to-build", "",
                  "node-pre-gyp ERR! install response status 404 Not Found on https://github.com/kelektiv/node.bcrypt.js/releases/download/v5.1.1/bcrypt_lib-v5.1.1-napi-v3-linux-x64-glibc.tar.gz",
                  "node-pre-gyp WARN Pre-built binaries not installable for bcrypt@5.1.1 and node@20.11.1 (node-v115 ABI, glibc) (falling back to source compile with node-gyp)",
                  "gyp info it worked if it ends with ok", "gyp info using node-gyp@10.0.1"]
            b += [f"  CXX(target) Release/obj.target/bcrypt_lib/src/{f}.o" for f in ("blowfish", "bcrypt", "bcrypt_node")]
            b += ["  SOLINK_MODULE(target) Release/obj.target/bcrypt_lib.node", "  COPY Release/bcrypt_lib.node", "gyp info ok "]
    elif kind == "build":
        b += [f"> {R.proj}@{R.ver} build", f"> {'tsc -p tsconfig.build.json && ' if R.ts else ''}vite build", "",
              f"vite v5.{rng.randint(0, 2)}.{rng.randint(0, 9)} building for production...", "transforming..."]
        b += [f"{c['G']}✓{c['X']} {rng.randint(200, 3000)} modules transformed.", "rendering chunks...", "computing gzip size..."]
        for _ in range(nlines(rng, k, 10, 90)):
            w = rng.choice(WORDS); kb = rng.uniform(0.2, 400)
            b.append(f"{c['D']}dist/{c['X']}{c['C']}assets/{w}-{hexs(rng, 8)}.js{c['X']}".ljust(44) + f"{kb:9.2f} kB │ gzip: {kb / 3.2:8.2f} kB")
        foot = [f"{c['G']}✓ built in {rng.uniform(2, 40):.2f}s{c['X']}"]
    elif kind == "lint":
        b += [f"> {R.proj}@{R.ver} lint", f"> eslint . --ext .js,.jsx,.ts,.tsx", ""]
        if rng.random() < .4:
            f = R.src(rng)
            b += [f"{R.ws}/{f}", f"  {rng.randint(2, 300)}:{rng.randint(1, 40)}  {c['Y']}warning{c['X']}  Unexpected console statement  no-console", "",
                  f"{c['Y']}✖ 1 problem (0 errors, 1 warning){c['X']}", ""]
    elif kind == "test":
        b += [f"> {R.proj}@{R.ver} test", "> jest --ci --coverage", ""]
        lst, n, files = test_listing(R, rng, k, lambda f, c, r: jest_file(f, c, r, R.verbose))
        b += lst
        b += coverage_table(R, rng, [f.path.split("/")[-1].replace(".test", "") for f in files], "jest")
        facts = {"passed": n, "suites": len(files)}
        foot = [f"{c['B']}Test Suites:{c['X']} {c['G']}{len(files)} passed{c['X']}, {len(files)} total",
                f"{c['B']}Tests:{c['X']}       {c['G']}{n} passed{c['X']}, {n} total",
                f"{c['B']}Snapshots:{c['X']}   {rng.randint(0, 30)} passed, {rng.randint(30, 40)} total",
                f"{c['B']}Time:{c['X']}        {rng.uniform(5, 90):.3f} s", f"{c['D']}Ran all test suites.{c['X']}"]
    return b, foot, facts


def pytest_file(f, c, rng, verbose, pct):
    if verbose:
        return [f"{f.path}::{t} {c['G']}PASSED{c['X']}".ljust(70) + f" [{pct():3d}%]" for t in f.cases]
    return [f"{f.path} {c['G']}{'.' * len(f.cases)}{c['X']}".ljust(70) + f" [{pct():3d}%]"]


def noise_pip(R, rng, kind, k, V):
    c, b, foot, facts, pm = cols(R), [], [], {}, R.pm
    py, cp = R.toolver, R.major.replace(".", "")
    if kind == "install":
        if pm == "poetry":
            b += [f"Creating virtualenv {R.pkg}-{hexs(rng, 8)}-py{py[:4]} in /home/runner/.cache/pypoetry/virtualenvs",
                  "Installing dependencies from lock file", "", f"Package operations: {len(R.deps) * 3} installs, 0 updates, 0 removals", ""]
            b += [f"  - Installing {p} ({ver(rng)})" for p in R.deps * 3]
        else:
            if pm == "tox":
                b += ["Collecting tox", "  Downloading tox-4.14.2-py3-none-any.whl.metadata (5.0 kB)"]
            for i, p in enumerate(R.deps * max(1, int(2 * k))):
                v = ver(rng); sz = rng.uniform(10, 9000)
                b += [f"Collecting {p}=={v} (from -r requirements-dev.txt (line {i + 1}))" if i < len(R.deps) else f"Collecting {p}>={v[:3]} (from {rng.choice(R.deps)})",
                      f"  Downloading {p.replace('-', '_')}-{v}-py3-none-any.whl.metadata ({rng.uniform(1, 9):.1f} kB)",
                      f"  Downloading {p.replace('-', '_')}-{v}-py3-none-any.whl ({sz:.1f} kB)",
                      f"     {c['G']}━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━{c['X']} {sz:.1f}/{sz:.1f} kB {rng.uniform(1, 60):.1f} MB/s eta 0:00:00"]
                if rng.random() < .03:  # retried, then fine
                    b.insert(len(b) - 2, f"WARNING: Retrying (Retry(total=4, connect=None, read=None, redirect=None, status=None)) after connection broken by 'ReadTimeoutError(\"HTTPSConnectionPool(host='files.pythonhosted.org', port=443): Read timed out. (read timeout=15)\")': /packages/{hexs(rng, 2)}/{hexs(rng, 2)}/{hexs(rng, 60)}/{p}-{v}.tar.gz")
            w = rng.choice(R.deps)
            b += [f"Building wheels for collected packages: {w}", f"  Building wheel for {w} (pyproject.toml): started",
                  f"  Building wheel for {w} (pyproject.toml): finished with status 'done'",
                  f"  Created wheel for {w}: filename={w}-{ver(rng)}-cp311-cp311-linux_x86_64.whl size={rng.randint(9999, 999999)} sha256={hexs(rng, 64)}",
                  f"  Stored in directory: /tmp/pip-ephem-wheel-cache-{hexs(rng, 8)}/wheels/{hexs(rng, 2)}/{hexs(rng, 2)}/{hexs(rng, 60)}",
                  f"Successfully built {w}", "Installing collected packages: " + ", ".join(R.deps)]
            foot = ["Successfully installed " + " ".join(f"{p}-{ver(rng)}" for p in R.deps)]
    elif kind == "build":
        if pm == "poetry":
            b += [f"Building {R.pkg} ({R.ver})", "  - Building sdist", f"  - Built {R.pkg}-{R.ver}.tar.gz", "  - Building wheel"]
            foot = [f"  - Built {R.pkg}-{R.ver}-py3-none-any.whl"]
        elif pm == "tox":
            b += ["running build_ext"]
            for _ in range(nlines(rng, k, 2, 12)):
                m = rng.choice(R.mods)
                b += [f"building '{R.pkg}._{m}' extension", f"creating build/temp.linux-x86_64-cpython-{cp}/{R.pkg}",
                      f"gcc -pthread -Wsign-compare -DNDEBUG -g -fwrapv -O2 -Wall -fPIC -I{R.toolhome}/include/python{R.major} -c {R.pkg}/_{m}.c -o build/temp.linux-x86_64-cpython-{cp}/{R.pkg}/_{m}.o",
                      f"gcc -pthread -shared build/temp.linux-x86_64-cpython-{cp}/{R.pkg}/_{m}.o -o build/lib.linux-x86_64-cpython-{cp}/{R.pkg}/_{m}.cpython-{cp}-x86_64-linux-gnu.so",
                      f"copying build/lib.linux-x86_64-cpython-{cp}/{R.pkg}/_{m}.cpython-{cp}-x86_64-linux-gnu.so -> {R.pkg}"]
        else:
            for m in R.mods:
                b.append(f"Listing 'src/{R.pkg}/{m}'...")
                b += [f"Compiling 'src/{R.pkg}/{m}/{snake(rng.sample(WORDS, 2))}.py'..." for _ in range(nlines(rng, k, 2, 20))]
    elif kind == "lint":
        if pm == "tox":
            b += ["lint: install_deps> python -I -m pip install flake8 flake8-bugbear", "lint: commands[0]> flake8 src tests"]
            foot = [f"  lint: OK ({rng.uniform(2, 9):.2f}=setup[{rng.uniform(1, 5):.2f}]+cmd[{rng.uniform(0.5, 3):.2f}] seconds)",
                    f"  congratulations :) ({rng.uniform(2, 9):.2f} seconds)"]
        elif pm == "poetry":
            foot = ["All checks passed!"]
    elif kind == "test":
        done = [0]
        files = rng.sample(R.tfiles, min(len(R.tfiles), nlines(rng, k, 6, 30)))
        total = sum(len(f.cases) for f in files)

        def pct():
            done[0] += 1
            return min(100, 100 * done[0] // max(1, total if R.verbose else len(files)))
        b += [f"{c['B']}============================= test session starts =============================={c['X']}",
              f"platform linux -- Python {py}, pytest-8.1.1, pluggy-1.4.0" + (f" -- {R.toolhome}/bin/python" if R.verbose else ""),
              "cachedir: .pytest_cache", f"rootdir: {R.ws}", "configfile: pyproject.toml",
              "plugins: cov-5.0.0, xdist-3.5.0, anyio-4.3.0, timeout-2.3.1", f"collecting ... collected {total} items", ""]
        for f in files:
            b += pytest_file(f, c, rng, R.verbose, pct)
        warn = [f"{c['Y']}=============================== warnings summary ==============================={c['X']}",
                f"{files[0].path}::{files[0].cases[0]}",
                f"  {R.ws}/src/{R.pkg}/compat.py:{rng.randint(10, 99)}: DeprecationWarning: datetime.datetime.utcnow() is deprecated and scheduled for removal in a future version. Use timezone-aware objects to represent datetimes in UTC: datetime.datetime.now(datetime.UTC).",
                "    return datetime.utcnow()", "", "-- Docs: https://docs.pytest.org/en/stable/how-to/capture-warnings.html"]
        b += warn + coverage_table(R, rng, [f"src/{R.pkg}/{m}/{snake(rng.sample(WORDS, 2))}.py" for m in R.mods * 3], "py")
        facts = {"passed": total}
        foot = [f"{c['G']}================= {total} passed, 1 warning in {rng.uniform(3, 300):.2f}s ================={c['X']}"]
    return b, foot, facts


def mvn_head(R, rng):
    art = f"{R.jpkg}:{R.proj}"
    return ["[INFO] Scanning for projects...", "[INFO] ", f"[INFO] {('< ' + art + ' >').center(72, '-')}",
            f"[INFO] Building {R.proj} {R.ver}-SNAPSHOT", "[INFO]   from pom.xml", f"[INFO] {'[ jar ]'.center(72, '-')}"]


def mvn_tail(rng, ok=True):
    return ["[INFO] " + "-" * 72, "[INFO] BUILD " + ("SUCCESS" if ok else "FAILURE"), "[INFO] " + "-" * 72,
            f"[INFO] Total time:  {rng.uniform(3, 200):.3f} s", f"[INFO] Finished at: 2026-0{rng.randint(1, 9)}-{rng.randint(10, 28)}T{rng.randint(10, 23)}:{rng.randint(10, 59)}:{rng.randint(10, 59)}Z",
            "[INFO] " + "-" * 72]


def mvn_downloads(R, rng, n):
    out = []
    for _ in range(n):
        g, a = rng.choice(R.deps).split(":")
        v = ver(rng); url = f"https://repo.maven.apache.org/maven2/{g.replace('.', '/')}/{a}/{v}/{a}-{v}.{rng.choice(['pom', 'jar'])}"
        out += [f"Downloading from central: {url}", f"Downloaded from central: {url} ({rng.uniform(1, 900):.1f} kB at {rng.uniform(0.2, 20):.1f} MB/s)"]
    return out


def junit_log_lines(R, rng, n):
    """Application logging captured while tests pass, including ERROR lines the tests provoke on purpose."""
    lv = ["INFO", "INFO", "INFO", "DEBUG", "WARN", "ERROR"]
    out = []
    for _ in range(n):
        l = rng.choice(lv)
        msg = {"ERROR": f"Request failed for {rng.choice(WORDS)} {rng.randint(1, 9999)} (expected in test)",
               "WARN": f"Retrying {rng.choice(WORDS)} lookup after timeout, attempt {rng.randint(1, 3)}/3"}.get(
            l, f"{rng.choice(VERBS).capitalize()} {rng.choice(WORDS)} id={rng.randint(1, 99999)} in {rng.randint(1, 400)} ms")
        out.append(f"{rng.randint(10, 23)}:{rng.randint(10, 59)}:{rng.randint(10, 59)}.{rng.randint(100, 999)} [main] {l:5s} {R.jpkg}.{rng.choice(R.mods)}.{pascal(rng.sample(WORDS, 2))} - {msg}")
    return out


def noise_maven(R, rng, kind, k, V):
    b, foot, facts = mvn_head(R, rng), mvn_tail(rng), {}
    quiet = R.pm == "mvnw"
    if kind == "install":
        b += mvn_downloads(R, rng, 0 if quiet else nlines(rng, k, 80, 600))
        b += ["[INFO] ", f"[INFO] --- dependency:3.6.1:{'resolve' if quiet else 'go-offline'} (default-cli) @ {R.proj} ---"]
        b += [f"[INFO]    {p}:jar:{ver(rng)}:{rng.choice(['compile', 'test', 'runtime'])}" for p in R.deps] if quiet else []
    elif kind in ("build", "lint", "test"):
        b += mvn_downloads(R, rng, 0 if quiet else nlines(rng, k, 5, 60))
        b += ["[INFO] ", f"[INFO] --- resources:3.3.1:resources (default-resources) @ {R.proj} ---",
              f"[INFO] Copying {rng.randint(1, 9)} resources from src/main/resources to target/classes", "[INFO] ",
              f"[INFO] --- compiler:3.11.0:compile (default-compile) @ {R.proj} ---",
              "[INFO] Changes detected - recompiling the module! :source",
              f"[INFO] Compiling {rng.randint(20, 900)} source files with javac [debug release 17] to target/classes"]
        if kind == "lint":
            b += ["[INFO] ", f"[INFO] --- checkstyle:3.3.1:check (default-cli) @ {R.proj} ---"]
            foot = ["[INFO] You have 0 Checkstyle violations."] + foot
        if kind == "test":
            b += ["[INFO] ", f"[INFO] --- surefire:3.2.5:test (default-test) @ {R.proj} ---",
                  "[INFO] Using auto detected provider org.apache.maven.surefire.junitplatform.JUnitPlatformProvider",
                  "[INFO] ", "[INFO] -------------------------------------------------------", "[INFO]  T E S T S",
                  "[INFO] -------------------------------------------------------"]
            n = 0
            for f in rng.sample(R.tfiles, min(len(R.tfiles), nlines(rng, k, 6, 30))):
                b.append(f"[INFO] Running {f.suite}")
                if rng.random() < .5:
                    b += junit_log_lines(R, rng, rng.randint(1, 25))
                b.append(f"[INFO] Tests run: {len(f.cases)}, Failures: 0, Errors: 0, Skipped: 0, Time elapsed: {rng.uniform(0.01, 9):.3f} s -- in {f.suite}")
                n += len(f.cases)
            facts = {"passed": n}
            foot = ["[INFO] ", "[INFO] Results:", "[INFO] ", f"[INFO] Tests run: {n}, Failures: 0, Errors: 0, Skipped: {rng.randint(0, 5)}", "[INFO] "] + foot
    return b, foot, facts


def noise_gradle(R, rng, kind, k, V):
    c, b, facts = cols(R), [], {}
    b += [f"Downloading https://services.gradle.org/distributions/gradle-8.{rng.randint(4, 7)}-bin.zip",
          "............10%.............20%............30%.............40%.............50%............60%.............70%............80%.............90%............100%", "",
          "Welcome to Gradle 8.7!", "", "Here are the highlights of this release:", " - Compiling and testing with Java 22",
          " - Cacheable Groovy script compilation", "", "For more details see https://docs.gradle.org/8.7/release-notes.html", "",
          "Starting a Gradle Daemon (subsequent builds will be faster)"] if kind == "install" or rng.random() < .3 else []
    subs = [""] + [f":{m}" for m in R.mods[:rng.randint(0, 4)]]
    lang = "Kotlin" if R.kotlin else "Java"
    tasks = {"install": ["dependencies"], "build": [f"compile{lang}", "processResources", "classes", "jar", "assemble"],
             "lint": [f"compile{lang}", "processResources", "classes", "checkstyleMain"],
             "test": [f"compile{lang}", "processResources", "classes", f"compileTest{lang}", "processTestResources", "testClasses", "test"]}[kind]
    for s in subs:
        for t in tasks:
            b.append(f"> Task {s}:{t}" + (" UP-TO-DATE" if rng.random() < .2 else ""))
            if t == "dependencies":
                b += ["", "------------------------------------------------------------", f"Root project '{R.proj}'",
                      "------------------------------------------------------------", "", "compileClasspath - Compile classpath for source set 'main'."]
                deps = R.deps * max(1, int(3 * k))
                b += [("\\" if i == len(deps) - 1 else "+") + f"--- {p}:{ver(rng)}" + (f" -> {ver(rng)}" if rng.random() < .2 else "") for i, p in enumerate(deps)]
            if t == "test":
                n = 0
                for f in rng.sample(R.tfiles, min(len(R.tfiles), nlines(rng, k, 5, 25))):
                    if R.verbose:
                        b += [f"{f.suite} > {t2}() {c['G']}PASSED{c['X']}" for t2 in f.cases]
                    n += len(f.cases)
                facts = {"passed": n}
    foot = ["", f"BUILD SUCCESSFUL in {rng.randint(8, 300)}s", f"{rng.randint(5, 60)} actionable tasks: {rng.randint(3, 40)} executed, {rng.randint(0, 20)} up-to-date"]
    return b, foot, facts


def noise_dotnet(R, rng, kind, k, V):
    b, foot, facts = [], [], {}
    projs = [f"src/{R.Proj}/{R.Proj}.csproj", f"tests/{R.Proj}.Tests/{R.Proj}.Tests.csproj"] + [f"src/{R.Proj}.{pascal([m])}/{R.Proj}.{pascal([m])}.csproj" for m in R.mods[:rng.randint(0, 4)]]
    if kind == "install":
        b += ["  Determining projects to restore..."]
        if rng.random() < .3:
            p = rng.choice(PKGS["dotnet"])
            b += [f"  warn : Retrying 'FindPackagesByIdAsync' for source 'https://api.nuget.org/v3-flatcontainer/{p.lower()}/index.json'.",
                  f"  warn : The HTTP request to 'GET https://api.nuget.org/v3-flatcontainer/{p.lower()}/index.json' has timed out after 100000ms."]
        for d in R.deps * max(1, int(2 * k)):
            v = ver(rng)
            b += [f"  Installed {d} {v} from https://api.nuget.org/v3/index.json to /home/runner/.nuget/packages/{d.lower()}/{v} with content hash {hexs(rng, 43)}=="]
        b += [f"  Restored {R.ws}/{p} (in {rng.uniform(0.3, 9):.2f} sec)." for p in projs]
    elif kind in ("build", "lint"):
        if kind == "lint":
            b += [f"  Formatting code files in workspace '{R.ws}/{R.Proj}.sln'.", "  Running whitespace analysis.", "  Running code style analysis.",
                  "  Running 3rd party analyzers."]
            foot = [f"  Format complete in {rng.randint(1500, 30000)}ms."]
        else:
            b += ["MSBuild version 17.9.8+b34f75857 for .NET", "  Determining projects to restore...", "  All projects are up-to-date for restore."]
            warns = []
            for _ in range(nlines(rng, k, 5, 120)):
                f = R.src(rng)
                warns.append(f"{R.ws}/{f}({rng.randint(3, 400)},{rng.randint(5, 60)}): warning {rng.choice(['CS8618', 'CS8602', 'CS8604', 'CS1998', 'CS0168', 'CA2254'])}: "
                             + rng.choice(["Non-nullable property 'Name' must contain a non-null value when exiting constructor. Consider adding the 'required' modifier or declaring the property as nullable.",
                                           "Dereference of a possibly null reference.", "Possible null reference argument for parameter 'value' in 'void Guard.NotNull(object value)'.",
                                           "This async method lacks 'await' operators and will run synchronously.", "The variable 'ex' is declared but never used",
                                           "The logging message template should not vary between calls to 'LoggerExtensions.LogError(ILogger, string?, params object?[])'"])
                             + f" [{R.ws}/{projs[0]}]")
            b += warns
            b += [f"  {p.split('/')[-1][:-7]} -> {R.ws}/{p.rsplit('/', 1)[0]}/bin/Release/net8.0/{p.split('/')[-1][:-7]}.dll" for p in projs]
            foot = ["", "Build succeeded.", ""] + [f"{w}" for w in warns[:40]] + [f"    {len(warns)} Warning(s)", "    0 Error(s)", "", f"Time Elapsed 00:00:{rng.randint(10, 59)}.{rng.randint(10, 99)}"]
    elif kind == "test":
        b += [f"Test run for {R.ws}/tests/{R.Proj}.Tests/bin/Release/net8.0/{R.Proj}.Tests.dll (.NETCoreApp,Version=v8.0)",
              "Microsoft (R) Test Execution Command Line Tool Version 17.9.0 (x64)", "Copyright (c) Microsoft Corporation.  All rights reserved.", "",
              "Starting test execution, please wait...", "A total of 1 test files matched the specified pattern."]
        n = 0
        for f in rng.sample(R.tfiles, min(len(R.tfiles), nlines(rng, k, 6, 30))):
            if R.verbose:
                b += [f"  Passed {f.suite}.{t} [{rng.randint(1, 400)} ms]" for t in f.cases]
            n += len(f.cases)
        facts = {"passed": n}
        foot = ["", f"Passed!  - Failed:     0, Passed: {n:5d}, Skipped:     0, Total: {n:5d}, Duration: {rng.randint(1, 90)} s - {R.Proj}.Tests.dll (net8.0)"]
    return b, foot, facts


def noise_cargo(R, rng, kind, k, V):
    c, b, foot, facts = cols(R), [], [], {}
    crates = [(p, ver(rng)) for p in R.deps * max(1, int(3 * k))]
    if kind == "install":
        b += [f"    {c['G']}Updating{c['X']} crates.io index"]
        for p, v in crates:
            b.append(f"  {c['G']}Downloaded{c['X']} {p} v{v}")
            if rng.random() < .02:
                b.append(f"{c['Y']}warning{c['X']}: spurious network error (2 tries remaining): [28] Timeout was reached (failed to download from `https://static.crates.io/crates/{p}/{v}/download`)")
        foot = [f"  {c['G']}Downloaded{c['X']} {len(crates)} crates ({rng.uniform(1, 40):.1f} MB) in {rng.uniform(1, 9):.2f}s"]
    else:
        verb = "Checking" if kind == "lint" else "Compiling"
        b += [f"   {c['G']}{verb}{c['X']} {p} v{v}" for p, v in crates]
        b.append(f"   {c['G']}{verb}{c['X']} {R.pkg} v{R.ver} ({R.ws})")
        prof = {"build": "`release` profile [optimized]", "lint": "`dev` profile [unoptimized + debuginfo]", "test": "`test` profile [unoptimized + debuginfo]"}[kind]
        fin = f"    {c['G']}Finished{c['X']} {prof} target(s) in {rng.randint(5, 200)}.{rng.randint(10, 99)}s"
        if kind != "test":
            foot = [fin]
        else:
            b.append(fin)
            n = 0
            for i, f in enumerate(rng.sample(R.tfiles, min(len(R.tfiles), nlines(rng, k, 3, 12)))):
                b += [f"     {c['G']}Running{c['X']} {'unittests src/lib.rs' if i == 0 else 'tests/' + f.path.split('/')[-1]} (target/debug/deps/{R.pkg}-{hexs(rng, 16)})", "",
                      f"running {len(f.cases)} test{'s' if len(f.cases) > 1 else ''}"]
                b += [f"test {f.suite}::{t} ... {c['G']}ok{c['X']}" for t in f.cases]
                b += ["", f"test result: {c['G']}ok{c['X']}. {len(f.cases)} passed; 0 failed; {rng.randint(0, 2)} ignored; 0 measured; 0 filtered out; finished in {rng.uniform(0, 3):.2f}s", ""]
                n += len(f.cases)
            facts = {"passed": n}
            foot = [f"   {c['G']}Doc-tests{c['X']} {R.pkg}", "", "running 3 tests"] + [f"test src/lib.rs - {pascal(rng.sample(WORDS, 1))} (line {rng.randint(10, 300)}) ... {c['G']}ok{c['X']}" for _ in range(3)] + \
                   ["", f"test result: {c['G']}ok{c['X']}. 3 passed; 0 failed; 0 ignored; 0 measured; 0 filtered out; finished in {rng.uniform(0.5, 4):.2f}s", ""]
    return b, foot, facts


def noise_go(R, rng, kind, k, V):
    b, foot, facts = [], [], {}
    pkgs = [f"{R.gomod}/internal/{m}" for m in R.mods] + [f"{R.gomod}/cmd/{R.proj}", f"{R.gomod}/pkg/{rng.choice(WORDS)}"]
    if kind == "install":
        for p in R.deps * max(1, int(2 * k)):
            v = f"v{ver(rng)}"
            b.append(f"go: downloading {p} {v}")
            if R.pm == "go" and rng.random() < .5:
                b += [f"# get https://proxy.golang.org/{p.lower()}/@v/{v}.zip", f"# get https://proxy.golang.org/{p.lower()}/@v/{v}.zip: 200 OK ({rng.uniform(0.01, 2):.3f}s)"]
    elif kind == "build":
        b += ([f"go build -o bin/{R.proj} ./cmd/{R.proj}"] if R.pm == "gomake" else []) + [p for p in PKGS["go"][:nlines(rng, k, 5, 25)]] + pkgs
    elif kind == "lint":
        if R.pm == "gomake":
            b += [f"golangci-lint run --timeout 5m ./...", f"level=info msg=\"[config_reader] Config search paths: [./ {R.ws} /home /]\"",
                  "level=info msg=\"[lintersdb] Active 12 linters: [errcheck gofmt goimports gosimple govet ineffassign misspell revive staticcheck typecheck unconvert unused]\"",
                  f"level=info msg=\"[loader] Go packages loading at mode 575 (name|types_sizes|compiled_files|deps|exports_file|files|imports) took {rng.uniform(1, 9):.6f}s\"",
                  f"level=info msg=\"Execution took {rng.uniform(3, 40):.6f}s\""]
    elif kind == "test":
        n, pkgs_seen = 0, {}
        for f in rng.sample(R.tfiles, min(len(R.tfiles), nlines(rng, k, 5, 25))):
            pkgs_seen.setdefault(f.suite, []).append(f)    # go test reports once per package
        for pkg, files in pkgs_seen.items():
            for f in files:
                if R.verbose:
                    for t in f.cases:
                        b += [f"=== RUN   {t}", f"--- PASS: {t} ({rng.uniform(0, 0.5):.2f}s)"]
                        if rng.random() < .2:
                            sub = snake(rng.sample(WORDS, 2))
                            b[-1:-1] = [f"=== RUN   {t}/{sub}", f"    --- PASS: {t}/{sub} ({rng.uniform(0, 0.1):.2f}s)"]
                n += len(f.cases)
            b += (["PASS"] if R.verbose else []) + [f"ok  \t{pkg}\t{rng.uniform(0.01, 9):.3f}s\tcoverage: {rng.uniform(30, 95):.1f}% of statements"]
        b += [f"?   \t{R.gomod}/cmd/{R.proj}\t[no test files]"]
        facts = {"passed": n}
    return b, foot, facts


def noise_bundler(R, rng, kind, k, V):
    c, b, foot, facts = cols(R), [], [], {}
    if kind == "install":
        b += ["Fetching gem metadata from https://rubygems.org/..........", "Resolving dependencies..."]
        for g in R.deps * max(1, int(2 * k)):
            v = ver(rng)
            b += [f"Using {g} {v}"] if rng.random() < .3 else [f"Fetching {g} {v}", f"Installing {g} {v}" + (" with native extensions" if g in ("nokogiri", "pg", "puma", "ffi", "msgpack", "nio4r") else "")]
            if rng.random() < .01:
                b.append("Retrying fetcher due to error (2/4): Bundler::HTTPError Could not fetch specs from https://rubygems.org/ due to underlying error <timed out (https://rubygems.org/specs.4.8.gz)>")
        foot = [f"Bundle complete! {len(R.deps)} Gemfile dependencies, {len(R.deps) * 3} gems now installed.", "Bundled gems are installed into `./vendor/bundle`"]
    elif kind == "build":
        for _ in range(nlines(rng, k, 5, 60)):
            t = snake(rng.sample(WORDS, 2)) + "s"
            b += [f"-- create_table(\"{t}\", {{:force=>:cascade}})", f"   -> {rng.uniform(0, 0.05):.4f}s"]
            b += [f"-- add_index(\"{t}\", [\"{rng.choice(WORDS)}_id\"], {{:name=>\"index_{t}_on_{rng.choice(WORDS)}_id\"}})", f"   -> {rng.uniform(0, 0.05):.4f}s"]
    elif kind == "lint":
        n = rng.randint(80, 600)
        b += [f"Inspecting {n} files"] + ["." * 80] * (n // 80) + ["." * (n % 80), ""]
        foot = [f"{n} files inspected, {c['G']}no offenses{c['X']} detected"]
    elif kind == "test":
        b += [f"Randomized with seed {rng.randint(1000, 65000)}", ""]
        n = 0
        for f in rng.sample(R.tfiles, min(len(R.tfiles), nlines(rng, k, 6, 30))):
            if R.verbose:
                b += [f.suite.split("#")[0], f"  #{f.suite.split('#')[1]}"] + [f"    {c['G']}{t}{c['X']}" for t in f.cases] + [""]
            else:
                b.append(c["G"] + "." * len(f.cases) + c["X"])
            n += len(f.cases)
        facts = {"passed": n}
        foot = ["", f"Finished in {rng.uniform(2, 200):.2f} seconds (files took {rng.uniform(1, 9):.2f} seconds to load)",
                f"{c['G']}{n} examples, 0 failures{c['X']}", "", f"Randomized with seed {rng.randint(1000, 65000)}", "",
                f"Coverage report generated for RSpec to {R.ws}/coverage. {rng.randint(3000, 9000)} / {rng.randint(9000, 12000)} LOC ({rng.uniform(80, 99):.2f}%) covered."]
    return b, foot, facts


def noise_make(R, rng, kind, k, V):
    b, foot, facts = [], [], {}
    x = "cpp" if R.cpp else "c"
    if kind == "install":
        b += [f"Hit:1 http://azure.archive.ubuntu.com/ubuntu jammy InRelease", f"Get:2 http://azure.archive.ubuntu.com/ubuntu jammy-updates InRelease [128 kB]",
              f"Get:3 http://azure.archive.ubuntu.com/ubuntu jammy-security InRelease [129 kB]",
              f"Fetched {rng.uniform(1, 40):.1f} MB in {rng.randint(1, 9)}s ({rng.randint(1000, 9000)} kB/s)", "Reading package lists...",
              "Building dependency tree...", "Reading state information...", "The following NEW packages will be installed:"]
        pk = [f"{p}{rng.choice(['', '1', '2', '-common', '-dev'])}" for p in R.deps * max(1, int(4 * k))]
        b += ["  " + " ".join(pk[i:i + 6]) for i in range(0, len(pk), 6)]
        b += [f"0 upgraded, {len(pk)} newly installed, 0 to remove and {rng.randint(0, 90)} not upgraded.",
              f"Need to get {rng.uniform(5, 300):.1f} MB of archives.", f"After this operation, {rng.randint(20, 900)} MB of additional disk space will be used."]
        for i, p in enumerate(pk):
            b.append(f"Get:{i + 1} http://azure.archive.ubuntu.com/ubuntu jammy/main amd64 {p} amd64 {ver(rng)}-{rng.randint(1, 5)}ubuntu{rng.randint(1, 3)} [{rng.randint(5, 9000)} kB]")
        b.append(f"Fetched {rng.uniform(5, 300):.1f} MB in {rng.randint(1, 30)}s ({rng.uniform(1, 20):.1f} MB/s)")
        for p in pk:
            v = ver(rng)
            b += [f"Selecting previously unselected package {p}:amd64.", f"Preparing to unpack .../{p}_{v}_amd64.deb ...", f"Unpacking {p}:amd64 ({v}) ..."]
        b += [f"Setting up {p}:amd64 ({ver(rng)}) ..." for p in pk]
        foot = ["Processing triggers for libc-bin (2.35-0ubuntu3.7) ...", "Processing triggers for man-db (2.10.2-1) ..."]
    elif kind == "build":
        if R.pm == "cmake":
            b += [f"-- The C compiler identification is GNU {R.toolver}", f"-- The CXX compiler identification is GNU {R.toolver}",
                  "-- Detecting C compiler ABI info", "-- Detecting C compiler ABI info - done", "-- Check for working C compiler: /usr/bin/cc - skipped",
                  "-- Detecting C compile features", "-- Detecting C compile features - done", "-- Detecting CXX compiler ABI info",
                  "-- Detecting CXX compiler ABI info - done", "-- Check for working CXX compiler: /usr/bin/c++ - skipped",
                  "-- Looking for pthread.h", "-- Looking for pthread.h - found", "-- Performing Test CMAKE_HAVE_LIBC_PTHREAD",
                  "-- Performing Test CMAKE_HAVE_LIBC_PTHREAD - Success", "-- Found Threads: TRUE  ",
                  f"-- Found OpenSSL: /usr/lib/x86_64-linux-gnu/libcrypto.so (found version \"3.0.2\")",
                  f"-- Found ZLIB: /usr/lib/x86_64-linux-gnu/libz.so (found version \"1.2.11\") ",
                  f"-- Configuring done ({rng.uniform(0.3, 5):.1f}s)", f"-- Generating done ({rng.uniform(0, 0.4):.1f}s)", f"-- Build files have been written to: {R.ws}/build"]
        objs = [(m, snake(rng.sample(WORDS, 2))) for m in R.mods for _ in range(nlines(rng, k, 3, 25))]
        for i, (m, f) in enumerate(objs):
            pct = 100 * i // len(objs)
            b.append(f"[{pct:3d}%] Building {'CXX' if R.cpp else 'C'} object src/CMakeFiles/{m}.dir/{m}/{f}.{x}.o" if R.pm == "cmake"
                     else f"{'g++ -std=c++17' if R.cpp else 'gcc -std=c11'} -O2 -Wall -Wextra -Iinclude -c src/{m}/{f}.{x} -o build/{m}/{f}.o")
        foot = ([f"[100%] Linking {'CXX' if R.cpp else 'C'} executable {R.pkg}", f"[100%] Built target {R.pkg}"] if R.pm == "cmake"
                else [f"{'g++' if R.cpp else 'gcc'} -o build/{R.pkg} build/*/*.o -lpthread -lssl -lcrypto -lz"])
    elif kind == "lint":
        files = [f"src/{m}/{snake(rng.sample(WORDS, 2))}.{x}" for m in R.mods for _ in range(nlines(rng, k, 2, 12))]
        for i, f in enumerate(files):
            b += [f"Checking {f} ...", f"{i + 1}/{len(files)} files checked {100 * (i + 1) // len(files)}% done"]
    elif kind == "test":
        tests = [(t, f) for f in R.tfiles for t in f.cases][:nlines(rng, k, 30, 300)]
        b += [f"Test project {R.ws}/build"]
        for i, (t, f) in enumerate(tests):
            name = f"{snake(t.lower().split())[:28]}_{i}"
            b += [f"      Start {i + 1:3d}: {name}", f"{i + 1:3d}/{len(tests)} Test {'#' + str(i + 1):>4}: {name} ".ljust(60, ".") + f"   Passed    {rng.uniform(0, 2):.2f} sec"]
        facts = {"passed": len(tests)}
        foot = ["", f"100% tests passed, 0 tests failed out of {len(tests)}", "", f"Total Test time (real) = {rng.uniform(2, 200):7.2f} sec"]
    return b, foot, facts


NOISE = {"npm": noise_npm, "pip": noise_pip, "maven": noise_maven, "gradle": noise_gradle, "dotnet": noise_dotnet,
         "cargo": noise_cargo, "go": noise_go, "bundler": noise_bundler, "make": noise_make}


# ----------------------------------------------------------------------------- cause templates
Cause = namedtuple("Cause", "label ecos framings step text cmd code ok w")
CAUSES = []


def cause(label, ecos, step, text, cmd=None, fr="*", code=1, ok=None, w=1.0):
    """ecos / fr: space-separated names or "*"; "eco/x" narrows to a package manager or language (npm/yarn, gradle/kotlin).
    cmd overrides the step's command (ok: its success output)."""
    CAUSES.append(Cause(label, "*" if ecos == "*" else ecos.split(), "*" if fr == "*" else fr.split(), step, text, cmd, code, ok, w))


MVN_FAIL = """[INFO] ------------------------------------------------------------------------
[INFO] BUILD FAILURE
[INFO] ------------------------------------------------------------------------
[INFO] Total time:  {secs} s
[INFO] Finished at: {day}T{#10-23}:{#10-59}:{#10-59}Z
[INFO] ------------------------------------------------------------------------"""
MVN_HELP = """[ERROR] 
[ERROR] To see the full stack trace of the errors, re-run Maven with the -e switch.
[ERROR] Re-run Maven using the -X switch to enable full debug logging.
[ERROR] 
[ERROR] For more information about the errors and possible solutions, please read the following articles:
[ERROR] [Help 1] http://cwiki.apache.org/confluence/display/MAVEN/{?MojoFailureException¦MojoExecutionException¦DependencyResolutionException}"""
GRADLE_FAIL = """
* Try:
> Run with --stacktrace option to get the stack trace.
> Run with --info or --debug option to get more log output.
> Run with --scan to get full insights.
> Get more help at https://help.gradle.org.

BUILD FAILED in {#8-300}s
{#3-40} actionable tasks: {#2-30} executed, {#0-10} up-to-date"""
DOTNET_FAIL = """
Build FAILED.
"""
CARGO_NOTE = "note: run with `RUST_BACKTRACE=1` environment variable to display a backtrace"

# --- compilation: the project's own code fails to compile / type-check / link
cause("compilation", "npm", "build", """
%%HEAD%%
[[
*1-4 {~src}({#3-400},{#1-40}): error TS{?2322: Type 'string' is not assignable to type 'number'.¦2345: Argument of type '{Cls} | undefined' is not assignable to parameter of type '{Cls}'.¦2339: Property '{~ident}' does not exist on type '{Cls2}'.¦2304: Cannot find name '{~ident}'.¦2554: Expected {#2-3} arguments, but got 1.¦7006: Parameter '{~ident}' implicitly has an 'any' type.}
]]
{pmfail}
""")
cause("compilation", "npm", "build", """
%%HEAD%%
[[
{C}{src}{X}:{Y}{ln}{X}:{Y}{col}{X} - {R}error{X}{D} TS2322: {X}Type '{?string¦number | null¦{Cls}[]¦Promise<{Cls}>}' is not assignable to type '{?number¦string¦{Cls2}¦boolean}'.

{ln}     const {ident}: {Cls2} = {?await ¦}{fn}({?input¦req.body¦props.{ident2}¦undefined});
{?             ~~~~~~~~~¦       ~~~~~~~~~~~~~~~~~~~}

*0-3 {C}{~src}{X}:{Y}{#3-300}{X}:{Y}{#1-40}{X} - {R}error{X}{D} TS2307: {X}Cannot find module '{?./{~word}¦@/{~word}/{word2}¦../utils/{~word}}' or its corresponding type declarations.

Found {#2-7} errors{? in {#2-3} files¦}.
]]

{pmfail}
""")
cause("compilation", "npm", "build", """
%%HEAD%%
[[
{?{R}✘ [ERROR]{X} Expected ")" but found "{word}"¦{R}[vite:esbuild] Transform failed with 1 error:{X}}

    {src}:{ln}:{col}:
      {ln} │   return {fn}({ident} {word}
           ╵{?            ^¦                 ^}
]]

{R}error during build:{X}
Error: Build failed with 1 error:
{src}:{ln}:{col}: ERROR: Expected ")" but found "{word}"
    at failureErrorWithLog (/{ws}/node_modules/esbuild/lib/main.js:1651:15)
    at /{ws}/node_modules/esbuild/lib/main.js:1059:25
{pmfail}
""")
cause("compilation", "npm", "build", """
%%HEAD%%
[[
{R}ERROR in ./{src}{X}
Module not found: Error: Can't resolve '{?./{word}¦../{word}/{Cls}¦@/lib/{word}}' in '{ws}/src/{word2}'
]]
resolve '{?./{word}¦../{word}/{Cls}¦@/lib/{word}}' in '{ws}/src/{word2}'
  using description file: {ws}/package.json (relative path: ./src/{word2})
    Field 'browser' doesn't contain a valid alias configuration
    No description file found in {ws}/src/{word2} or above
*2-6     {ws}/src/{word2}/{~word}.{?js¦ts¦tsx¦json} doesn't exist

webpack 5.{#70-91}.0 compiled with {R}1 error{X} in {#900-30000} ms
{pmfail}
""")
cause("compilation", "npm", "test", """
%%HEAD%%
{R}FAIL{X} {tfile}
[[
  {R}● Test suite failed to run{X}

    {C}{tfile}{X}:{Y}{ln}{X}:{Y}{col}{X} - {R}error{X} TS{?2345¦2339¦2554}: {?Argument of type '⦃ id: number; ⦄' is not assignable to parameter of type '{Cls}'.¦Property '{ident}' does not exist on type '{Cls}'.¦Expected 2 arguments, but got 1.}

    {ln}     const {ident2} = new {Cls}({?⦃ id: 1 ⦄¦});
]]

Test Suites: {R}1 failed{X}, {G}{suites} passed{X}, {total_suites} total
Tests:       {G}{passed} passed{X}, {passed} total
Time:        {secs} s
{pmfail}
""")

cause("compilation", "pip", "test", """
%%HEAD%%
{R}==================================== ERRORS ===================================={X}
{R}_________________ ERROR collecting {tfile} _________________{X}
[[
{?{ws}/.venv/lib/python{major}/site-packages/_pytest/python.py:617: in _importtestmodule¦{pyhome}/lib/python{major}/importlib/__init__.py:126: in import_module}
    mod = import_path(self.path, mode=importmode, root=self.config.rootpath)
{tfile}:{#3-12}: in <module>
    from {pkg}.{word} import {Cls}
E     File "{ws}/src/{pkg}/{word}.py", line {ln}
E       {?@syn return ⦃¦def {fn}(self, {ident}¦if {ident} = None:¦print "{word}"}
E       {?@syn        ^¦                 ^¦       ^^^^^^^^^^^^^^^¦^^^^^^^^^^^^^^^}
E   SyntaxError: {?@syn '⦃' was never closed¦'(' was never closed¦invalid syntax. Maybe you meant '==' or ':=' instead of '='?¦Missing parentheses in call to 'print'. Did you mean print(...)?}
]]
{Y}=========================== short test summary info ============================{X}
ERROR {tfile}
!!!!!!!!!!!!!!!!!!!! Interrupted: 1 error during collection !!!!!!!!!!!!!!!!!!!!
{R}=============================== 1 error in {secs}s ==============================={X}
""", code=2)
cause("compilation", "pip", "build", """
%%HEAD%%
[[
*1-5 {~src}:{#3-400}: error: {?Incompatible types in assignment (expression has type "str", variable has type "int")  [assignment]¦Argument 1 to "{~fn}" has incompatible type "{Cls} | None"; expected "{Cls}"  [arg-type]¦"{Cls}" has no attribute "{~ident}"  [attr-defined]¦Missing return statement  [return]¦Name "{~ident}" is not defined  [name-defined]}
Found {#2-9} errors in {#1-4} files (checked {#20-300} source files)
]]
""", cmd="mypy src", ok="Success: no issues found in {#20-300} source files")
cause("compilation", "pip", "build", """
%%HEAD%%
[[
*** Error compiling './src/{pkg}/{word}.py'...
  File "./src/{pkg}/{word}.py", line {ln}
    {?@ce except {Cls}, e:¦print "{word} done"¦def {fn}(self, *, ):¦    return {ident}}
    {?@ce ^^^^^^^^^^^^^^^^^¦^^^^^^^^^^^^^^^^^^¦                   ^¦    ^}
{?@ce SyntaxError: multiple exception types must be parenthesized¦SyntaxError: Missing parentheses in call to 'print'. Did you mean print(...)?¦SyntaxError: named arguments must follow bare *¦IndentationError: unexpected indent}
]]
""", cmd="python -m compileall -q src", ok="")
cause("compilation", "pip", "build", """
%%HEAD%%
[[
{pkg}/_{word}.c: In function '{ident}':
{pkg}/_{word}.c:{ln}:{col}: error: '{ident2}' undeclared (first use in this function)
  {ln} |     {ident2} = PyLong_AsLong(arg);
      |     ^~~~~~~~~~
{pkg}/_{word}.c:{ln}:{col}: note: each undeclared identifier is reported only once for each function it appears in
error: command '/usr/bin/gcc' failed with exit code 1
]]
""", cmd="python setup.py build_ext --inplace")

cause("compilation", "maven", "build", """
%%HEAD%%
[INFO] -------------------------------------------------------------
[[
[ERROR] COMPILATION ERROR : 
[INFO] -------------------------------------------------------------
*1-3 [ERROR] {ws}/{~src}:[{#3-400},{#5-40}] {?cannot find symbol⏎  symbol:   variable {~ident}⏎  location: class {~Cls}¦incompatible types: java.lang.String cannot be converted to int¦';' expected¦method {~fn} in class {~Cls} cannot be applied to given types;⏎  required: java.lang.String,int⏎  found:    java.lang.String⏎  reason: actual and formal argument lists differ in length¦cannot find symbol⏎  symbol:   class {~Cls}⏎  location: package {jpkg}.{~word}¦unreported exception java.io.IOException; must be caught or declared to be thrown}
[INFO] {#1-3} error{?s¦}
]]
[INFO] -------------------------------------------------------------
""" + MVN_FAIL + """
[ERROR] Failed to execute goal org.apache.maven.plugins:maven-compiler-plugin:3.11.0:compile (default-compile) on project {proj}: Compilation failure
""" + MVN_HELP, w=2)
cause("compilation", "gradle/java", "build", """
%%HEAD%%
> Task :compile{?Java¦Java¦TestJava} FAILED
[[
{ws}/{src}:{ln}: error: {?cannot find symbol¦incompatible types: possible lossy conversion from double to int¦';' expected¦method {fn} in class {Cls} cannot be applied to given types;¦class {Cls} is public, should be declared in a file named {Cls}.java}
        {?return {ident};¦{Cls} {ident} = {fn}();¦this.{ident} = {ident2}}
        {?       ^¦              ^¦                          ^}
{?  symbol:   variable {ident}⏎  location: class {Cls2}¦  required: String,int⏎  found:    String⏎  reason: actual and formal argument lists differ in length¦}
{#1-4} error{?s¦}
]]

FAILURE: Build failed with an exception.

* What went wrong:
Execution failed for task ':compileJava'.
> Compilation failed; see the compiler error output for details.
""" + GRADLE_FAIL)
cause("compilation", "gradle/kotlin", "build", """
%%HEAD%%
[[
*1-4 e: file://{ws}/{~src}:{#3-400}:{#3-40} {?Type mismatch: inferred type is String but Int was expected¦Unresolved reference: {~ident}¦None of the following functions can be called with the arguments supplied: ⏎public fun {~fn}(id: Long): {Cls} defined in {jpkg}¦Only safe (?.) or non-null asserted (!!.) calls are allowed on a nullable receiver of type {Cls}?¦'when' expression must be exhaustive, add necessary 'else' branch}
]]

> Task :compileKotlin FAILED

FAILURE: Build failed with an exception.

* What went wrong:
Execution failed for task ':compileKotlin'.
> A failure occurred while executing org.jetbrains.kotlin.compilerRunner.GradleCompilerRunnerWithWorkers$GradleKotlinCompilerWorkAction
   > Compilation error. See log for more details
""" + GRADLE_FAIL)
cause("compilation", "maven", "test", """
%%HEAD%%
[INFO] --- compiler:3.11.0:testCompile (default-testCompile) @ {proj} ---
[INFO] Compiling {#10-300} source files with javac [debug release 17] to target/test-classes
[INFO] -------------------------------------------------------------
[[
[ERROR] COMPILATION ERROR : 
[INFO] -------------------------------------------------------------
[ERROR] {ws}/{tfile}:[{ln},{col}] {?constructor {Cls} in class {jpkg}.{word}.{Cls} cannot be applied to given types;¦cannot find symbol⏎  symbol:   method {fn}(java.lang.String)⏎  location: variable {ident} of type {jpkg}.{word}.{Cls}¦incompatible types: java.util.List<{Cls}> cannot be converted to java.util.Set<{Cls}>}
[INFO] 1 error
]]
[INFO] -------------------------------------------------------------
""" + MVN_FAIL + """
[ERROR] Failed to execute goal org.apache.maven.plugins:maven-compiler-plugin:3.11.0:testCompile (default-testCompile) on project {proj}: Compilation failure
""" + MVN_HELP)

cause("compilation", "dotnet", "build", """
%%HEAD%%
[[
*1-4 {ws}/{~src}({#3-400},{#5-60}): error {?CS1002: ; expected¦CS0103: The name '{~ident}' does not exist in the current context¦CS0246: The type or namespace name '{~Cls}' could not be found (are you missing a using directive or an assembly reference?)¦CS1061: '{Cls}' does not contain a definition for '{~Cls}' and no accessible extension method '{~Cls}' accepting a first argument of type '{Cls}' could be found (are you missing a using directive or an assembly reference?)¦CS0029: Cannot implicitly convert type 'string' to 'int'¦CS0161: '{Cls}.{~Cls}()': not all code paths return a value¦CS1513: ⦄ expected} [{ws}/src/{Proj}/{Proj}.csproj]
]]
""" + DOTNET_FAIL + """
    {#0-60} Warning(s)
    {#1-4} Error(s)

Time Elapsed 00:00:{#10-59}.{#10-99}
""")
cause("compilation", "dotnet", "test", """
%%HEAD%%
[[
{ws}/{tfile}({ln},{col}): error {?CS7036: There is no argument given that corresponds to the required parameter '{ident}' of '{Cls}.{Cls}({Cls2}, ILogger<{Cls}>)'¦CS1503: Argument 1: cannot convert from 'string' to '{Proj}.{Cls}'¦CS0117: '{Cls}' does not contain a definition for '{Cls2}'} [{ws}/tests/{Proj}.Tests/{Proj}.Tests.csproj]
]]
  {Proj} -> {ws}/src/{Proj}/bin/Release/net8.0/{Proj}.dll
""", cmd="dotnet test -c Release")

cause("compilation", "cargo", "build", """
%%HEAD%%
[[
{R}{B}error[E0308]{X}{B}: mismatched types{X}
  {C}-->{X} {src}:{ln}:{col}
   {C}|{X}
{ln} {C}|{X}     {?{ident}¦Ok({ident})¦self.{ident}.len()¦{ident} as u32}
   {C}|{X}     {R}^^^^^^^^^{X} {R}expected `{?u32¦String¦Option<{Cls}>¦&str¦Result<(), Error>}`, found `{?usize¦&str¦{Cls}¦String¦()}`{X}
]]
   {C}|{X}
{?help: try using a conversion method: `.to_string()`¦help: you can convert a `usize` to a `u32` and panic if the converted value doesn't fit¦}

For more information about this error, try `rustc --explain E0308`.
{R}{B}error{X}{B}: could not compile `{pkg}` (lib) due to {#1-4} previous error{?s¦}{X}
""", w=1.5)
cause("compilation", "cargo", "build", """
%%HEAD%%
[[
{R}{B}error[{?E0425]{X}{B}: cannot find value `{ident}` in this scope¦E0599]{X}{B}: no method named `{fn}` found for struct `{Cls}` in the current scope¦E0382]{X}{B}: borrow of moved value: `{ident}`¦E0433]{X}{B}: failed to resolve: use of undeclared type `{Cls}`¦E0061]{X}{B}: this function takes 2 arguments but 1 argument was supplied}{X}
  {C}-->{X} {src}:{ln}:{col}
   {C}|{X}
{ln} {C}|{X}         let {ident2} = {?{ident}¦{Cls}::new()¦self.{fn}()¦{fn}(&{ident})};
   {C}|{X}             {R}^^^^^^{X}
]]
For more information about this error, try `rustc --explain E0{#300-700}`.
{R}{B}error{X}{B}: could not compile `{pkg}` (lib) due to 1 previous error{X}
""")
cause("compilation", "cargo", "test", """
%%HEAD%%
   Compiling {pkg} v{pver} ({ws})
[[
{R}{B}error[E0061]{X}{B}: this function takes {#2-4} arguments but 1 argument was supplied{X}
  {C}-->{X} tests/{word}.rs:{ln}:{col}
   {C}|{X}
{ln} {C}|{X}     let {ident} = {fn}(&{ident2});
   {C}|{X}               {R}^^^^^^^^^{X}-------- an argument of type `{Cls}` is missing
]]
   {C}|{X}
For more information about this error, try `rustc --explain E0061`.
{R}{B}error{X}{B}: could not compile `{pkg}` (test "{word}") due to 1 previous error{X}
{Y}warning{X}: build failed, waiting for other jobs to finish...
""")

cause("compilation", "go", "build", """
%%HEAD%%
[[
# {gomod}/internal/{word}
*1-5 internal/{word}/{~word}.go:{#3-400}:{#2-40}: {?undefined: {~ident}¦cannot use {~ident} (variable of type string) as int value in assignment¦declared and not used: {~ident}¦"{pkg}" imported and not used¦too many arguments in call to {~ident}⏎	have (string, int)⏎	want (string)¦syntax error: unexpected ⦄, expected expression¦missing return}
]]
""", code=1)
cause("compilation", "go", "test", """
%%HEAD%%
[[
# {tsuite} [{tsuite}.test]
{tfile}:{ln}:{col}: {?not enough arguments in call to New{Cls}⏎	have ()⏎	want (context.Context, string)¦undefined: {ident}¦{ident} declared and not used¦cannot use "{word}" (untyped string constant) as int value in argument to {fn}}
FAIL	{tsuite} [build failed]
]]
*0-4 ok  	{gomod}/internal/{~word}	{#0-4}.{#100-999}s
FAIL
""", code=1)

cause("compilation", "bundler", "test", """
%%HEAD%%
[[
An error occurred while loading ./{tfile}.
{R}Failure/Error: {X}{?require_relative '../../{src}'¦require 'rails_helper'¦{Cls}.new}
{R}{X}
{R}SyntaxError:{X}
{R}  {ws}/{src}:{ln}: syntax error, unexpected {?`end', expecting end-of-input¦end-of-input, expecting `end'¦')', expecting `then' or ';' or '\\n'¦`end'}{X}
]]
{C}# ./{tfile}:{#1-9}:in `<top (required)>'{X}

Finished in 0.0{#1-9}{#1-9} seconds (files took {#1-5}.{#10-99} seconds to load)
0 examples, 0 failures, 1 error occurred outside of examples
""")
cause("compilation", "bundler", "build", """
%%HEAD%%
[[
*1-4 {~src}:{#3-400}: {?Method `{~fn}` does not exist on `{Cls}` https://srb.help/7003¦Expected `Integer` but found `String("{word}")` for argument `{~ident}` https://srb.help/7002¦Unable to resolve constant `{~Cls}` https://srb.help/5002}
Errors: {#1-6}
]]
""", cmd="bundle exec srb tc", ok="No errors! Great job.")
cause("compilation", "bundler", "build", """
%%HEAD%%
compiling ../../../../ext/{pkg}/{word}.c
[[
../../../../ext/{pkg}/{word}.c: In function '{ident}':
../../../../ext/{pkg}/{word}.c:{ln}:{col}: error: implicit declaration of function 'rb_{ident2}'; did you mean 'rb_{ident}'? [-Werror=implicit-function-declaration]
  {ln} |     VALUE out = rb_{ident2}(self);
      |                 ^~~~~~~~~~~~~
cc1: some warnings being treated as errors
make: *** [Makefile:248: {word}.o] Error 1
rake aborted!
Command failed with status (2): [make]
]]
{ws}/Rakefile:{#3-40}:in `block in <top (required)>'
Tasks: TOP => compile => compile:{pkg}
(See full trace by running task with --trace)
""", cmd="bundle exec rake compile")

cause("compilation", "make", "build", """
%%HEAD%%
[[
{src}: In function '{?{ident}¦int {ident}(const char*)¦void {Cls}::{fn}()}':
{src}:{ln}:{col}: {R}error:{X} {?'{ident2}' undeclared (first use in this function)¦'{ident2}' was not declared in this scope¦too few arguments to function '{fn}'¦expected ';' before '⦄' token¦invalid conversion from 'const char*' to 'char*' [-fpermissive]¦no matching function for call to '{Cls}::{fn}(int)'}
  {ln} |     {ident2} = {fn}({ident});
      |     ^~~~~~~~
]]
{?make[2]: *** [src/CMakeFiles/{word}.dir/build.make:{#70-900}: src/CMakeFiles/{word}.dir/{word}/{ident}.c.o] Error 1⏎make[1]: *** [CMakeFiles/Makefile2:{#80-300}: src/CMakeFiles/{word}.dir/all] Error 2⏎make: *** [Makefile:{#90-160}: all] Error 2¦make: *** [Makefile:{#20-90}: build/{word}/{ident}.o] Error 1}
""", code=2, w=1.5)
cause("compilation", "make", "build", """
%%HEAD%%
[{#90-99}%] Linking {?CXX¦C} executable {pkg}
[[
/usr/bin/ld: CMakeFiles/{pkg}.dir/src/{word}/{ident}.{?cpp¦c}.o: in function `{?{fn}¦main}':
{ident}.{?cpp¦c}:(.text+0x{hex}): undefined reference to `{?{Cls}::{fn}(int)¦{fn}¦{ident}_init}'
*0-3 /usr/bin/ld: {ident}.{?cpp¦c}:(.text+0x{~hex}): undefined reference to `{~ident}'
collect2: error: ld returned 1 exit status
]]
make[2]: *** [CMakeFiles/{pkg}.dir/build.make:{#100-600}: {pkg}] Error 1
make[1]: *** [CMakeFiles/Makefile2:{#80-300}: CMakeFiles/{pkg}.dir/all] Error 2
make: *** [Makefile:{#90-160}: all] Error 2
""", code=2)
cause("compilation", "make", "build", """
%%HEAD%%
[[
{src}:{ln}:{col}: error: {?unused variable '{ident}' [-Werror=unused-variable]¦comparison of integer expressions of different signedness: 'int' and 'size_t' [-Werror=sign-compare]¦'{ident}' may be used uninitialized [-Werror=maybe-uninitialized]¦implicit declaration of function '{fn}' [-Werror=implicit-function-declaration]}
  {ln} |     {?int¦size_t¦char *} {ident} = {fn}();
      |         ^~~~~~~
cc1{?plus¦}: all warnings being treated as errors
]]
make[2]: *** [src/CMakeFiles/{word}.dir/build.make:{#70-900}: src/CMakeFiles/{word}.dir/{word}/{ident}.c.o] Error 1
make: *** [Makefile:{#90-160}: all] Error 2
""", code=2)
cause("compilation", "make", "test", """
%%HEAD%%
[[
{tfile}:{#2-20}:10: fatal error: {?{pkg}/{word}.h¦{word}_internal.h¦gtest/{word}.h}: No such file or directory
   {#2-20} | #include "{word}.h"
      |          ^~~~~~~~~~~~
compilation terminated.
]]
make[2]: *** [tests/CMakeFiles/{word}_test.dir/build.make:76: tests/CMakeFiles/{word}_test.dir/{word}_test.cpp.o] Error 1
make[1]: *** [CMakeFiles/Makefile2:{#80-300}: tests/CMakeFiles/{word}_test.dir/all] Error 2
make: *** [Makefile:{#90-160}: all] Error 2
""", cmd="cmake --build build --target check -j4", code=2)

# --- test: the build worked, the suite ran, tests failed (incl. a single test timing out, crashes, coverage)
JEST_SUM = """Test Suites: {R}1 failed{X}, {G}{suites} passed{X}, {total_suites} total
Tests:       {R}{failed} failed{X}, {G}{passed} passed{X}, {total} total
Snapshots:   {#0-20} passed, {#20-40} total
Time:        {secs} s
Ran all test suites."""
cause("test", "npm", "test", """
%%NOISE%%
{R}FAIL{X} {tfile}
[[
  {R}● {tsuite} › {tcase}{X}

    expect(received).{?toBe(expected) // Object.is equality¦toEqual(expected) // deep equality¦toHaveBeenCalledTimes(expected)}

    Expected: {G}{val}{X}
    Received: {R}{val2}{X}

      {#10-90} |     const result = {fn}({ident});
    > {ln} |     expect(result).toBe({val});
         |                    ^

      at Object.<anonymous> ({tfile}:{ln}:{col})
]]

""" + JEST_SUM + "\n{pmfail}", w=2)
cause("test", "npm", "test", """
%%NOISE%%
{R}FAIL{X} {tfile}
[[
  {R}● {tsuite} › {tcase}{X}

    expect(received).toEqual(expected) // deep equality

    {G}- Expected  - {#1-3}{X}
    {R}+ Received  + {#1-3}{X}

      Object {
    {G}-   "{ident}": "{word}",{X}
    {R}+   "{ident}": "{word2}",{X}
        "id": {N},
      }

      at Object.<anonymous> ({tfile}:{ln}:{col})
]]

""" + JEST_SUM + "\n{pmfail}")
cause("test", "npm", "test", """
%%NOISE%%
{R}FAIL{X} {tfile} ({#5-20}.{#100-999} s)
[[
  {R}● {tsuite} › {tcase}{X}

    thrown: "Exceeded timeout of {?5000¦10000¦30000} ms for a test.
    Add a timeout value to this test to increase the timeout, if this is a long-running test. See https://jestjs.io/docs/api#testname-fn-timeout."

      {ln} |
      {#10-90} |   describe('{tsuite}', () => {
    > {#10-90} |     it('{tcase}', async () => {
         |     ^
]]

      at {tfile}:{ln}:{col}

""" + JEST_SUM + "\n{pmfail}")
cause("test", "npm", "test", """
%%NOISE%%
[[
Jest: "global" coverage threshold for {?lines¦branches¦statements¦functions} ({#80-95}%) not met: {pct}%
]]
""" + JEST_SUM.replace("{R}1 failed{X}, ", "").replace("{R}{failed} failed{X}, ", "").replace("{total_suites}", "{suites}").replace("{total}", "{passed}") + "\n{pmfail}")
cause("test", "npm", "test", """
*10-60   {G}✓{X} {~phrase}{? ({#1-90}ms)¦¦}

[[
  {G}{#40-400} passing{X} {D}({#1-59}s){X}
  {R}{#1-3} failing{X}

  1) {Cls}
       {phrase}:

      {R}AssertionError: expected {val} to {?equal¦deeply equal¦be above} {val2}{X}
      + expected - actual

      -{val}
      +{val2}

      at Context.<anonymous> (test/{word}.spec.js:{ln}:{col})
]]
      at process.processImmediate (node:internal/timers:478:21)

{pmfail}
""", cmd="npx mocha --recursive test", ok="*20-60   {G}✓{X} {~phrase}\n\n  {G}{#40-400} passing{X} {D}({#1-59}s){X}")

PYTEST_SUM = """{Y}=========================== short test summary info ============================{X}
FAILED {tfile}::{tcase} - {err}
{R}================= {failed} failed, {passed} passed, {#0-9} warnings in {secs}s ================={X}"""
cause("test", "pip", "test", """
%%NOISE%%
{R}=================================== FAILURES ==================================={X}
{R}{B}_________________________ {tcase} _________________________{X}
[[
{?⏎    def {tcase}(client):⏎        {ident} = {fn}({val})¦⏎    def {tcase}(db_session, tmp_path):⏎        {ident} = {fn}({val})¦}
>       assert {ident} == {val}
{B}{R}E       assert {val2} == {val}{X}
{?{B}{R}E        +  where {val2} = {fn}({#1-99}){X}¦{B}{R}E         +{val}{X}⏎{B}{R}E         -{val2}{X}¦}

{R}{tfile}{X}:{ln}: AssertionError
]]
----------------------------- Captured log call ------------------------------
WARNING  {pkg}.{word}:{word}.py:{#10-300} retrying {word2} after error (attempt 1/3)
""" + PYTEST_SUM.replace("{err}", "assert {val2} == {val}"), code=1, w=2)
cause("test", "pip", "test", """
%%NOISE%%
{R}=================================== FAILURES ==================================={X}
{R}{B}__________________ {tsuite}.{tcase} __________________{X}

self = <{tfile_mod}.{tsuite} object at 0x7f{h12}>

    def {tcase}(self):
        {ident} = {Cls}(id={N})
>       {ident}.{fn}()

{tfile}:{ln}: 
_ _ _ _ _ _ _ _ _ _ _ _ _ _ _ _ _ _ _ _ _ _ _ _ _ _ _ _ _ _ _ _ _ _ _ _ _ _ _ _ 

[[
    def {fn}(self):
>       return self._{word}[{?"id"¦self.key¦0}]
{B}{R}E       {?@pyx KeyError: 'id'¦AttributeError: 'NoneType' object has no attribute '{word2}'¦TypeError: unsupported operand type(s) for +: 'int' and 'str'¦IndexError: list index out of range}{X}

{R}src/{pkg}/{word}.py{X}:{ln2}: {?@pyx KeyError¦AttributeError¦TypeError¦IndexError}
]]
""" + PYTEST_SUM.replace("{err}", "{?@pyx KeyError: 'id'¦AttributeError: 'NoneType' object has no attribute '{word2}'¦TypeError: unsupported operand type(s) for +: 'int' and 'str'¦IndexError: list index out of range}"))
cause("test", "pip", "test", """
%%NOISE%%
[[
{Y}=========================== short test summary info ============================{X}
*1-4 FAILED {tfile2}::{~tcase_any} - {?AssertionError: assert {~val} == {~val}¦assert False¦ValueError: invalid literal for int() with base 10: '{~word}'¦{pkg}.errors.{Cls}Error: {~word} not found¦AssertionError: Expected '{~fn}' to have been called once. Called 0 times.}
{R}================= {failed} failed, {passed} passed, {#0-9} warnings in {secs}s ================={X}
]]
""")
cause("test", "pip", "test", """
{?..............................................................................¦}
*3-30 {~tcase_any} ({tfile_mod}.{tsuite}.{~tcase_any}) ... ok
[[
======================================================================
FAIL: {tcase} ({tfile_mod}.{tsuite}.{tcase})
----------------------------------------------------------------------
Traceback (most recent call last):
  File "{ws}/{tfile}", line {ln}, in {tcase}
    self.assertEqual({fn}({val}), {val2})
AssertionError: {?{val} != {val2}¦'{word}' != '{word2}'⏎- {word}⏎+ {word2}¦Lists differ: [{val}, {val2}] != [{val2}]}

----------------------------------------------------------------------
Ran {total} tests in {secs}s

FAILED (failures={failed}{?, errors=1¦¦})
]]
""", cmd="python -m unittest discover -v", ok="Ran {total} tests in {secs}s\n\nOK")
cause("test", "pip", "test", """
%%NOISE%%
[[
{?FAIL Required test coverage of {#85-95}% not reached. Total coverage: {pct}%¦ERROR: Coverage failure: total of {#60-84} is less than fail-under={#85-95}}
]]
{R}======================= {passed} passed, {#0-9} warnings in {secs}s ======================={X}
""")
cause("test", "pip", "test", """
%%NOISE%%
{R}=================================== FAILURES ==================================={X}
{R}{B}_________________________ {tcase} _________________________{X}
[[
{?+++++++++++++++++++++++++++++++++++ Timeout +++++++++++++++++++++++++++++++++++⏎¦}{B}{R}E       Failed: Timeout >{?30¦60¦120}.0s{X}

{R}{tfile}{X}:{ln}: Failed
]]
""" + PYTEST_SUM.replace("{err}", "Failed: Timeout"))
cause("test", "pip", "test", """
%%HEAD%%
[[
Fatal Python error: Segmentation fault

Current thread 0x00007f{h8} (most recent call first):
  File "{ws}/.venv/lib/python{major}/site-packages/{dep}/_{word}.py", line {ln} in {fn}
  File "{ws}/src/{pkg}/{word}.py", line {ln2} in {fn2}
  File "{ws}/{tfile}", line {#10-300} in {tcase}
]]
  File "{ws}/.venv/lib/python{major}/site-packages/_pytest/python.py", line 194 in pytest_pyfunc_call
  File "{ws}/.venv/lib/python{major}/site-packages/pluggy/_callers.py", line 102 in _multicall
Segmentation fault (core dumped)
""", code=139)

SUREFIRE_SUM = """[INFO] 
[INFO] Results:
[INFO] 
[ERROR] Failures: 
[ERROR]   {tcls_short}.{tcase}:{ln} {msg}
[INFO] 
[ERROR] Tests run: {total}, Failures: {failed}, Errors: 0, Skipped: {#0-5}
[INFO] 
""" + MVN_FAIL + """
[ERROR] Failed to execute goal org.apache.maven.plugins:maven-surefire-plugin:3.2.5:test (default-test) on project {proj}: There are test failures.
[ERROR] 
[ERROR] Please refer to {ws}/target/surefire-reports for the individual test results.
[ERROR] Please refer to dump files (if any exist) [date].dump, [date]-jvmRun[N].dump and [date].dumpstream.
""" + MVN_HELP
cause("test", "maven", "test", """
%%NOISE%%
[INFO] Running {tsuite}
[[
[ERROR] Tests run: {#3-40}, Failures: 1, Errors: 0, Skipped: 0, Time elapsed: {secs} s <<< FAILURE! -- in {tsuite}
[ERROR] {tsuite}.{tcase} -- Time elapsed: 0.{#10-999} s <<< FAILURE!
org.opentest4j.AssertionFailedError: {msg}
	at org.junit.jupiter.api.AssertionFailureBuilder.build(AssertionFailureBuilder.java:151)
	at org.junit.jupiter.api.AssertEquals.assertEquals(AssertEquals.java:197)
	at {tsuite}.{tcase}({tcls_short}.java:{ln})
]]
	at java.base/java.lang.reflect.Method.invoke(Method.java:580)
	at java.base/java.util.ArrayList.forEach(ArrayList.java:1596)

""" + SUREFIRE_SUM, w=2)
cause("test", "maven", "test", """
%%NOISE%%
[INFO] Running {tsuite}
[[
[ERROR] Tests run: {#3-40}, Failures: 0, Errors: 1, Skipped: 0, Time elapsed: {secs} s <<< FAILURE! -- in {tsuite}
[ERROR] {tsuite}.{tcase} -- Time elapsed: 0.{#10-999} s <<< ERROR!
java.lang.{?@jx NullPointerException: Cannot invoke "{jpkg}.{word}.{Cls}.get{Cls2}()" because "{ident}" is null¦IllegalStateException: {Cls} not initialised¦IndexOutOfBoundsException: Index {#1-9} out of bounds for length {#0-1}}
	at {jpkg}.{word}.{Cls}.{fn}({Cls}.java:{ln2})
	at {tsuite}.{tcase}({tcls_short}.java:{ln})
]]
	at java.base/java.lang.reflect.Method.invoke(Method.java:580)

""" + SUREFIRE_SUM.replace("[ERROR] Failures: \n[ERROR]   {tcls_short}.{tcase}:{ln} {msg}", "[ERROR] Errors: \n[ERROR]   {tcls_short}.{tcase}:{ln} » {?@jx NullPointer¦IllegalState¦IndexOutOfBounds}").replace("Failures: {failed}, Errors: 0", "Failures: 0, Errors: {failed}"))
cause("test", "maven", "test", """
%%NOISE%%
[INFO] Tests run: {passed}, Failures: 0, Errors: 0, Skipped: 0
[INFO] 
[INFO] --- jacoco:0.8.11:check (check) @ {proj} ---
[INFO] Loading execution data file {ws}/target/jacoco.exec
[INFO] Analyzed bundle '{proj}' with {#20-400} classes
[[
[WARNING] Rule violated for bundle {proj}: {?lines¦instructions¦branches} covered ratio is 0.{#50-79}, but expected minimum is 0.{#80-90}
]]
""" + MVN_FAIL + """
[ERROR] Failed to execute goal org.jacoco:jacoco-maven-plugin:0.8.11:check (check) on project {proj}: Coverage checks have not been met. See log for details.
""" + MVN_HELP)

GRADLE_TEST_FAIL = """
{total} tests completed, {failed} failed{?, {#1-5} skipped¦}

> Task :test FAILED

FAILURE: Build failed with an exception.

* What went wrong:
Execution failed for task ':test'.
> There were failing tests. See the report at: file://{ws}/build/reports/tests/test/index.html
""" + GRADLE_FAIL
cause("test", "gradle", "test", """
%%NOISE%%
[[
{tsuite} > {tcase}() {R}FAILED{X}
    {?org.opentest4j.AssertionFailedError at {tcls_short}.{?java¦kt}:{ln}¦org.opentest4j.AssertionFailedError: {msg}⏎        at app//{tsuite}.{tcase}({tcls_short}.java:{ln})¦java.lang.AssertionError at {tcls_short}.java:{ln}¦org.opentest4j.AssertionFailedError: expected:<{val}> but was:<{val2}>}
]]
""" + GRADLE_TEST_FAIL, w=2)
cause("test", "gradle", "test", """
%%NOISE%%
[[
{tsuite} > {tcase}() {R}FAILED{X}
    java.util.concurrent.TimeoutException: {tcase}() timed out after {?5¦10¦30} seconds
        at app//{tsuite}.{tcase}({tcls_short}.java:{ln})
]]
""" + GRADLE_TEST_FAIL)
cause("test", "gradle", "test", """
%%NOISE%%
> Task :jacocoTestReport
> Task :jacocoTestCoverageVerification FAILED
[[
[ant:jacocoReport] Rule violated for bundle {proj}: {?@cv instructions¦lines¦branches} covered ratio is 0.{cov}, but expected minimum is 0.{covmin}
]]

FAILURE: Build failed with an exception.

* What went wrong:
Execution failed for task ':jacocoTestCoverageVerification'.
> Rule violated for bundle {proj}: {?@cv instructions¦lines¦branches} covered ratio is 0.{cov}, but expected minimum is 0.{covmin}
""" + GRADLE_FAIL, cmd="./gradlew check --console=plain")

DOTNET_TEST_SUM = """
{R}Failed!  - Failed: {failed5}, Passed: {passed5}, Skipped:     0, Total: {total5}, Duration: {#2-90} s - {Proj}.Tests.dll (net8.0){X}"""
cause("test", "dotnet", "test", """
%%NOISE%%
[[
  {R}Failed {tsuite}.{tcase} [{#1-900} ms]{X}
  Error Message:
   {?Assert.Equal() Failure: Values differ⏎Expected: {val}⏎Actual:   {val2}¦Expected {ident} to be {val}, but found {val2}.¦Assert.True() Failure⏎Expected: True⏎Actual:   False¦System.InvalidOperationException : Sequence contains no elements¦Moq.MockException : ⏎Expected invocation on the mock once, but was 0 times: x => x.{Cls}(It.IsAny<string>())}
  Stack Trace:
     at {tsuite}.{tcase}() in {ws}/{tfile}:line {ln}
]]
     at System.RuntimeMethodHandle.InvokeMethod(Object target, Void** arguments, Signature sig, Boolean isConstructor)
""" + DOTNET_TEST_SUM, w=2)
cause("test", "dotnet", "test", """
%%HEAD%%
[[
The active test run was aborted. Reason: Test host process crashed : {?Stack overflow.¦Fatal error. Internal CLR error. (0x80131506)}
{?   at {tsuite}.{tcase}()⏎   at {Proj}.{Cls}.{Cls2}(System.String)¦}
]]

{R}Test Run Aborted with error System.Exception: One or more errors occurred.{X}
 ---> System.Exception: Unable to read beyond the end of the stream.
""")
cause("test", "dotnet", "test", """
%%NOISE%%

Passed!  - Failed:     0, Passed: {passed5}, Skipped:     0, Total: {passed5}, Duration: {#2-90} s - {Proj}.Tests.dll (net8.0)
[[
{?/home/runner/.nuget/packages/coverlet.msbuild/6.0.2/build/coverlet.msbuild.targets(72,5): error : The minimum line coverage is below the specified {#80-90}¦error : The total line coverage is below the specified {#80-90}} [{ws}/tests/{Proj}.Tests/{Proj}.Tests.csproj]
]]
""")

CARGO_TEST_TAIL = """
failures:
    {tsuite}::{tcase}

test result: {R}FAILED{X}. {passed} passed; {failed} failed; 0 ignored; 0 measured; 0 filtered out; finished in {#0-9}.{#10-99}s

{R}{B}error{X}{B}: test failed, to rerun pass `--lib`{X}"""
cause("test", "cargo", "test", """
%%NOISE%%
test {tsuite}::{tcase} ... {R}FAILED{X}

failures:

[[
---- {tsuite}::{tcase} stdout ----
{?thread '{tsuite}::{tcase}' panicked at {tfile}:{ln}:{col}:⏎assertion `left == right` failed⏎  left: {val}⏎ right: {val2}¦thread '{tsuite}::{tcase}' panicked at {tfile}:{ln}:{col}:⏎called `Result::unwrap()` on an `Err` value: {Cls}Error ⦃ kind: NotFound ⦄¦thread '{tsuite}::{tcase}' panicked at 'assertion failed: `(left == right)`⏎  left: `{val}`,⏎ right: `{val2}`', {tfile}:{ln}:{col}¦thread '{tsuite}::{tcase}' panicked at {tfile}:{ln}:{col}:⏎index out of bounds: the len is {#0-4} but the index is {#5-9}¦thread '{tsuite}::{tcase}' panicked at {tfile}:{ln}:{col}:⏎attempt to subtract with overflow¦thread '{tsuite}::{tcase}' panicked at {tfile}:{ln}:{col}:⏎expected {word} to be present}
]]
""" + CARGO_NOTE + CARGO_TEST_TAIL, code=101, w=2)
cause("test", "cargo", "test", """
%%NOISE%%
     Running tests/{word}.rs (target/debug/deps/{word}-{h12}{h8})

running {#3-40} tests
*2-10 test {~tcase_any} ... {G}ok{X}
[[
{R}{B}error{X}{B}: test failed, to rerun pass `--test {word}`{X}

Caused by:
  process didn't exit successfully: `{ws}/target/debug/deps/{word}-{h12}{h8}` (signal: 11, SIGSEGV: invalid memory reference)
]]
""", code=101)

cause("test", "go", "test", """
%%NOISE%%
=== RUN   {tcase}
[[
--- FAIL: {tcase} ({#0-3}.{#10-99}s)
    {word}_test.go:{ln}: {?got {val}, want {val2}¦{fn}() error = {?context deadline exceeded¦unexpected EOF¦<nil>}, wantErr {?true¦false}¦unexpected {word}: "{word2}"¦expected {#1-9} items, got {#10-20}}
FAIL
FAIL	{tsuite}	{#0-9}.{#100-999}s
]]
*1-6 ok  	{gomod}/internal/{~word}	{#0-4}.{#100-999}s	coverage: {#30-95}.{#0-9}% of statements
FAIL
""", w=2)
cause("test", "go", "test", """
%%NOISE%%
=== RUN   {tcase}
[[
    {word}_test.go:{ln}: 
        	Error Trace:	{ws}/{tfile}:{ln}
        	Error:      	{?Not equal: ⏎        	            	expected: {val}⏎        	            	actual  : {val2}¦Received unexpected error:⏎        	            	{word}: connection reset by peer¦Should be true¦"[{word} {word2}]" should have 3 item(s), but has 2}
        	Test:       	{tcase}
--- FAIL: {tcase} ({#0-3}.{#10-99}s)
]]
FAIL
FAIL	{tsuite}	{#0-9}.{#100-999}s
FAIL
""")
cause("test", "go", "test", """
%%NOISE%%
=== RUN   {tcase}
[[
--- FAIL: {tcase} (0.00s)
panic: runtime error: {?@gp index out of range [{#3-9}] with length {#0-3}¦invalid memory address or nil pointer dereference} [recovered]
	panic: runtime error: {?@gp index out of range [{#3-9}] with length {#0-3}¦invalid memory address or nil pointer dereference⏎[signal SIGSEGV: segmentation violation code=0x1 addr=0x{#10-99} pc=0x{hex}]}

goroutine {#6-90} [running]:
testing.tRunner.func1.2({0x{hex}, 0xc000{h8}})
	{gohome}/src/testing/testing.go:1545 +0x238
{tsuite}.(*{Cls}).{fn}(...)
	{ws}/{tdir}/{word}.go:{ln}
]]
FAIL	{tsuite}	{#0-9}.{#100-999}s
FAIL
""", code=1)
cause("test", "go", "test", """
%%HEAD%%
[[
panic: test timed out after {?@gto 10m0s¦5m0s¦2m0s}
running tests:
	{tcase} ({?@gto 10m0s¦5m0s¦2m0s})
]]

goroutine {#50-400} [running]:
testing.(*M).startAlarm.func1()
	{gohome}/src/testing/testing.go:2259 +0x3b9
created by time.goFunc
	{gohome}/src/time/sleep.go:176 +0x2d
FAIL	{tsuite}	{#120-600}.{#100-999}s
FAIL
""")
cause("test", "go", "test", """
%%NOISE%%
[[
==================
WARNING: DATA RACE
Write at 0x00c000{h8} by goroutine {#8-90}:
  {tsuite}.(*{Cls}).{fn}()
      {ws}/{tdir}/{word}.go:{ln} +0x{hex}

Previous read at 0x00c000{h8} by goroutine {#8-90}:
  {tsuite}.(*{Cls}).{fn2}()
      {ws}/{tdir}/{word}.go:{ln2} +0x{hex}
==================
    testing.go:1398: race detected during execution of test
--- FAIL: {tcase} ({#0-3}.{#10-99}s)
]]
FAIL
FAIL	{tsuite}	{#0-9}.{#100-999}s
""")

RSPEC_TAIL = """
Finished in {secs} seconds (files took {#1-9}.{#10-99} seconds to load)
{R}{total} examples, {failed} failure{?s¦}{X}{?, {#1-9} pending¦}

Failed examples:

{R}rspec ./{tfile}:{ln}{X} {C}# {tsuite_r} {tcase}{X}
"""
cause("test", "bundler", "test", """
%%NOISE%%
Failures:

[[
  1) {tsuite_r} {tcase}
     {R}Failure/Error: {X}{?expect({ident}.{fn}).to eq({val})¦expect(response).to have_http_status(:ok)¦expect ⦃ {ident}.{fn} ⦄.to change({Cls}, :count).by(1)}

     {R}  expected: {val}{X}
     {R}       got: {val2}{X}

     {R}  (compared using ==){X}
     {C}# ./{tfile}:{ln}:in `block (3 levels) in <top (required)>'{X}
]]
""" + RSPEC_TAIL, w=2)
cause("test", "bundler", "test", """
%%NOISE%%
Failures:

[[
  1) {tsuite_r} {tcase}
     {R}Failure/Error: {ident}.{fn}!{X}

     {R}{?NoMethodError:⏎       undefined method `{fn2}' for nil¦ActiveRecord::RecordInvalid:⏎       Validation failed: {Word} can't be blank¦ActiveRecord::RecordNotFound:⏎       Couldn't find {Cls} with 'id'={N}}{X}
     {C}# ./{src}:{ln2}:in `{fn}'{X}
     {C}# ./{tfile}:{ln}:in `block (3 levels) in <top (required)>'{X}
]]
""" + RSPEC_TAIL)
cause("test", "bundler", "test", """
Run options: --seed {#1000-65000}

# Running:

*3-12 {G}{~word}{X}
[[
  1) Failure:
{Cls}Test#test_{ident} [test/{word}s/{word}_test.rb:{ln}]:
{?Expected: {val}⏎  Actual: {val2}¦Expected false to be truthy.¦Expected [] to not be empty.¦--- expected⏎+++ actual⏎@@ -1 +1 @@⏎-"{word}"⏎+"{word2}"}

{total} runs, {#100-900} assertions, {failed} failures, 0 errors, {#0-3} skips
]]
""", cmd="bundle exec rails test", ok="{total} runs, {#100-900} assertions, 0 failures, 0 errors, 0 skips")
cause("test", "bundler", "test", """
%%NOISE%%

Finished in {secs} seconds (files took {#1-9}.{#10-99} seconds to load)
{G}{passed} examples, 0 failures{X}

[[
{?Line coverage ({pct}%) is below the expected minimum coverage ({#90-95}.00%).⏎SimpleCov failed with exit 2 due to a coverage related error¦Coverage report generated for RSpec to {ws}/coverage. Line Coverage: {pct}% ({#1000-9000} / {#9000-12000})⏎Line coverage ({pct}%) is below the expected minimum coverage ({#90-95}.00%).⏎SimpleCov failed with exit 2 due to a coverage related error}
]]
""", code=2)

cause("test", "make", "test", """
%%NOISE%%
[[
{?The following tests FAILED:⏎*1-3 	 {#1-200} - {~word}_{~word}_test (Failed)¦      Start {#1-90}: {word}_test⏎{#1-90}/{total} Test #{#1-90}: {word}_test .........................***Failed    {#0-9}.{#10-99} sec}
]]
Errors while running CTest
Output from these tests are in: {ws}/build/Testing/Temporary/LastTest.log
Use "--rerun-failed --output-on-failure" to re-run the failed cases verbosely.
""", code=8)
cause("test", "make", "test", """
%%NOISE%%
[ RUN      ] {tsuite}.{tcase}
[[
{tfile}:{ln}: Failure
{?Expected equality of these values:⏎  {fn}({val})⏎    Which is: {val2}⏎  {val}¦Value of: {ident}.empty()⏎  Actual: false⏎Expected: true¦Expected: ({ident}) < ({val}), actual: {val2} vs {val}}
[  FAILED  ] {tsuite}.{tcase} ({#0-90} ms)
]]
[----------] {#3-20} tests from {tsuite} ({#10-900} ms total)

[==========] {total} tests from {#3-30} test suites ran. ({#100-9000} ms total)
[  PASSED  ] {passed} tests.
[  FAILED  ] {failed} test{?s¦}, listed below:
[  FAILED  ] {tsuite}.{tcase}
""", code=1)
cause("test", "make", "test", """
%%NOISE%%
[[
{#1-90}/{total} Test #{#1-90}: {word}_test {?.........................***Exception: SegFault¦.........................***Timeout¦.........................Subprocess aborted***Exception:} {#0-60}.{#10-99} sec
]]

{#80-99}% tests passed, {failed} tests failed out of {total}

Total Test time (real) = {secs} sec
""", code=8)
cause("test", "make", "test", """
%%HEAD%%
[[
=={#1000-60000}==ERROR: AddressSanitizer: {?heap-use-after-free¦heap-buffer-overflow¦stack-buffer-overflow} on address 0x60{h8}0 at pc 0x55{h8}0 bp 0x7ff{h8} sp 0x7ff{h8}
{?READ¦WRITE} of size {#1-8} at 0x60{h8}0 thread T0
    #0 0x55{h8} in {fn} {ws}/src/{word}/{ident}.{?c¦cpp}:{ln}:{col}
    #1 0x55{h8} in {tsuite}_{tcase}_Test::TestBody() {ws}/{tfile}:{#10-300}:{#3-30}
]]
    #2 0x55{h8} in void testing::internal::HandleExceptionsInMethodIfSupported<testing::Test, void>(testing::Test*, void (testing::Test::*)(), char const*) (/{ws}/build/tests/{word}_test+0x{hex})

SUMMARY: AddressSanitizer: heap-use-after-free {ws}/src/{word}/{ident}.c:{ln}:{col} in {fn}
""", code=1)

# --- lint: style / format / static analysis / docs / spelling / link checks
cause("lint", "npm", "lint", """
%%HEAD%%
[[
{ws}/{src}
*1-5   {#1-300}:{#1-60}  {R}error{X}  {?'{~ident}' is assigned a value but never used  @typescript-eslint/no-unused-vars¦Unexpected console statement  no-console¦Missing return type on function  @typescript-eslint/explicit-function-return-type¦'{~ident}' is defined but never used  no-unused-vars¦Expected '===' and instead saw '=='  eqeqeq¦Unexpected any. Specify a different type  @typescript-eslint/no-explicit-any¦React Hook useEffect has a missing dependency: '{~ident}'. Either include it or remove the dependency array  react-hooks/exhaustive-deps¦Strings must use singlequote  quotes¦Insert `;`  prettier/prettier}

{R}{B}✖ {#2-9} problems ({#2-9} errors, {#0-5} warnings){X}
]]
{R}{B}  {#0-3} errors and 0 warnings potentially fixable with the `--fix` option.{X}

{pmfail}
""", w=2)
cause("lint", "npm", "lint", """
Checking formatting...
[[
*1-6 {Y}[warn]{X} {~src}
{Y}[warn]{X} Code style issues found in {?the above file¦{#2-6} files}. {?Run Prettier with --write to fix.¦Forgot to run Prettier?}
]]
""", cmd="npx prettier --check .", ok="Checking formatting...\nAll matched files use Prettier code style!")
cause("lint", "npm", "lint", """
%%HEAD%%
[[
{ws}/{src}
*1-4   {#1-300}:{#1-60}  {Y}warning{X}  {?Unexpected console statement  no-console¦'{~ident}' is defined but never used  @typescript-eslint/no-unused-vars¦Prefer using an optional chain expression instead, as it's more concise and easier to read  @typescript-eslint/prefer-optional-chain}

{Y}{B}✖ {#1-9} problems (0 errors, {#1-9} warnings){X}

ESLint found too many warnings (maximum: 0).
]]
{pmfail}
""")
cause("lint", "npm", "lint", """
[[
{src2}.scss
 {ln}:{col}  {R}✖{X}  {?Expected indentation of 2 spaces  indentation¦Unexpected duplicate selector ".{word}", first used at line {#3-90}  no-duplicate-selectors¦Expected "#FFF" to be "#fff"  color-hex-case¦Unexpected unknown property "colr"  property-no-unknown}
]]

{R}✖ {#1-5} problem{?s¦} ({#1-5} error{?s¦}, 0 warnings){X}
""", cmd="npx stylelint \"src/**/*.scss\"", ok="")

cause("lint", "pip/pip pip/poetry", "lint", """
[[
*1-7 ./{~src}:{#1-400}:{#1-80}: {?E501 line too long ({#89-140} > 88 characters)¦F401 '{~dep}' imported but unused¦W291 trailing whitespace¦E302 expected 2 blank lines, found 1¦F841 local variable 'e' is assigned to but never used¦E711 comparison to None should be 'if cond is None:'¦W605 invalid escape sequence '\\d'¦C901 '{Cls}.{~fn}' is too complex ({#11-20})¦E999 IndentationError: unexpected indent¦B006 Do not use mutable data structures for argument defaults.}
]]
""", cmd="flake8 .", ok="", w=2)
cause("lint", "pip", "lint", """
[[
*1-5 would reformat {ws}/{~src}

Oh no! 💥 💔 💥
{#1-5} file{?s¦} would be reformatted, {#20-300} files would be left unchanged.
]]
""", cmd="black --check .", ok="All done! ✨ 🍰 ✨\n{#20-300} files would be left unchanged.")
cause("lint", "pip", "lint", """
[[
*1-6 {~src}:{#1-400}:{#1-80}: {?F401 [*] `{~dep}` imported but unused¦E501 Line too long ({#89-140} > 88)¦UP006 [*] Use `list` instead of `List` for type annotation¦B904 Within an `except` clause, raise exceptions with `raise ... from err` or `raise ... from None` to distinguish them from errors in exception handling¦SIM108 Use ternary operator instead of `if`-`else`-block¦I001 [*] Import block is un-sorted or un-formatted}
Found {#2-12} errors.
]]
[*] {#1-6} fixable with the `--fix` option.
""", cmd="ruff check .", ok="All checks passed!")
cause("lint", "pip", "lint", """
[[
*1-4 ERROR: {ws}/{~src} Imports are incorrectly sorted and/or formatted.
]]
""", cmd="isort --check-only .", ok="Skipped {#1-9} files")
cause("lint", "pip", "lint", """
************* Module {pkg}.{word}
[[
*2-6 {src}:{#1-400}:{#0-40}: {?C0301: Line too long ({#101-140}/100) (line-too-long)¦W0613: Unused argument '{~ident}' (unused-argument)¦R1705: Unnecessary "else" after "return", remove the "else" and de-indent the code inside it (no-else-return)¦C0116: Missing function or method docstring (missing-function-docstring)¦W1203: Use lazy % formatting in logging functions (logging-fstring-interpolation)¦E1101: Instance of '{Cls}' has no '{~ident}' member (no-member)}
]]

------------------------------------------------------------------
Your code has been rated at {#7-9}.{#10-99}/10 (previous run: {#8-9}.{#10-99}/10, -0.{#10-30})
""", cmd="pylint src/{pkg}", ok="\n-------------------------------------------------------------------\nYour code has been rated at 10.00/10")
cause("lint", "pip/tox", "lint", """
%%NOISE%%
[[
*1-5 src/{pkg}/{~word}.py:{#1-400}:{#1-80}: {?E501 line too long ({#89-140} > 88 characters)¦F401 '{~dep}' imported but unused¦W293 blank line contains whitespace¦E128 continuation line under-indented for visual indent}
]]
lint: exit 1 ({#0-2}.{#10-99} seconds) {ws}> flake8 src tests pid={#1000-9000}
  lint: FAIL code 1 ({#2-9}.{#10-99}=setup[{#1-5}.{#10-99}]+cmd[{#0-2}.{#10-99}] seconds)
  evaluation failed :( ({#2-9}.{#10-99} seconds)
""")

cause("lint", "maven", "lint", """
%%NOISE%%
[[
[INFO] There {?are {#2-9} errors¦is 1 error} reported by Checkstyle 10.12.5 with {?checkstyle.xml¦config/checkstyle/google_checks.xml} ruleset.
*1-5 [ERROR] {~src}:[{#3-400},{#1-80}] {?(javadoc) MissingJavadocMethod: Missing a Javadoc comment.¦(imports) AvoidStarImport: Using the '.*' form of import should be avoided - java.util.*.¦(whitespace) WhitespaceAround: '⦃' is not preceded with whitespace.¦(sizes) LineLength: Line is longer than 120 characters (found {#121-180}).¦(imports) UnusedImports: Unused import - {jpkg}.{~word}.{~Cls}.¦(naming) MemberName: Member name '{~Word}' must match pattern '^[a-z][a-zA-Z0-9]*$'.¦(coding) MagicNumber: '{#2-999}' is a magic number.}
]]
""" + MVN_FAIL + """
[ERROR] Failed to execute goal org.apache.maven.plugins:maven-checkstyle-plugin:3.3.1:check (default-cli) on project {proj}: You have {#1-9} Checkstyle violation{?s¦}. -> [Help 1]
""" + MVN_HELP, w=2)
cause("lint", "maven", "lint", """
%%NOISE%%
""" + MVN_FAIL + """
[[
[ERROR] Failed to execute goal com.diffplug.spotless:spotless-maven-plugin:2.43.0:check (default-cli) on project {proj}: The following files had format violations:
[ERROR]     {src}
[ERROR]         @@ -{ln},7 +{ln},8 @@
[ERROR]         -····public·{Cls}·{fn}(String·{ident}){
[ERROR]         +····public·{Cls}·{fn}(String·{ident})·{
[ERROR] Run 'mvn spotless:apply' to fix these violations.
]]
""" + MVN_HELP, cmd="mvn -B spotless:check")
cause("lint", "maven", "lint", """
%%NOISE%%
[INFO] --- spotbugs:4.8.3.1:check (default-cli) @ {proj} ---
[INFO] BugInstance size is {#1-4}
[INFO] Error size is 0
[INFO] Total bugs: {#1-4}
[[
*1-3 [ERROR] {?Medium: {jpkg}.{~word}.{~Cls}.get{~Cls}() may expose internal representation by returning {Cls}.{~ident} [{jpkg}.{~word}.{Cls}] At {Cls}.java:[line {#10-400}] EI_EXPOSE_REP¦High: Possible null pointer dereference of {~ident} in {jpkg}.{~word}.{Cls}.{~fn}() on exception path [{jpkg}.{~word}.{Cls}] Dereferenced at {Cls}.java:[line {#10-400}] NP_NULL_ON_SOME_PATH_EXCEPTION¦Medium: Found reliance on default encoding in {jpkg}.{~word}.{Cls}.{~fn}(): new java.io.FileReader(String) [{jpkg}.{~word}.{Cls}] At {Cls}.java:[line {#10-400}] DM_DEFAULT_ENCODING}
]]
""" + MVN_FAIL + """
[ERROR] Failed to execute goal com.github.spotbugs:spotbugs-maven-plugin:4.8.3.1:check (default-cli) on project {proj}: failed with {#1-4} bugs and 0 errors -> [Help 1]
""", cmd="mvn -B compile spotbugs:check")
cause("lint", "gradle", "lint", """
%%NOISE%%
[[
*1-5 [ant:checkstyle] [ERROR] {ws}/{~src}:{#3-400}:{#1-80}: {?Unused import - java.util.List. [UnusedImports]¦Missing a Javadoc comment. [MissingJavadocType]¦Line is longer than 100 characters (found {#101-160}). [LineLength]¦'if' construct must use '⦃⦄'s. [NeedBraces]¦Abbreviation in name '{~Word}HTTPClient' must contain no more than '1' consecutive capital letters. [AbbreviationAsWordInName]}
]]

> Task :checkstyleMain FAILED

FAILURE: Build failed with an exception.

* What went wrong:
Execution failed for task ':checkstyleMain'.
> A failure occurred while executing org.gradle.api.plugins.quality.internal.CheckstyleAction
   > Checkstyle rule violations were found. See the report at: file://{ws}/build/reports/checkstyle/main.html
     Checkstyle files with violations: {#1-4}
     Checkstyle violations by severity: [error:{#1-9}]
""" + GRADLE_FAIL, w=2)
cause("lint", "gradle", "lint", """
%%NOISE%%
> Task :spotless{?Kotlin¦Java}Check FAILED

FAILURE: Build failed with an exception.

* What went wrong:
[[
Execution failed for task ':spotless{?Kotlin¦Java}Check'.
> The following files had format violations:
      {src}
          @@ -{ln},{#3-9} +{ln},{#3-9} @@
          -····val·{ident}·=·{fn}(·{ident2}·)
          +····val·{ident}·=·{fn}({ident2})
  Run './gradlew :spotlessApply' to fix these violations.
]]
""" + GRADLE_FAIL, cmd="./gradlew spotlessCheck --console=plain")
cause("lint", "gradle", "lint", """
%%NOISE%%
> Task :detekt FAILED
[[
*1-4 {~src}:{#3-400}:{#1-40}: {?The function {~fn} appears to be too complex based on Cyclomatic Complexity (complexity: {#16-30}). Defined complexity threshold for methods is set to '15' [CyclomaticComplexMethod]¦This expression contains a magic number. Consider defining it to a well named constant. [MagicNumber]¦The caught exception is swallowed. The original exception could be lost. [SwallowedException]¦Line detected, which is longer than the defined maximum line length in the code style. [MaxLineLength]}
]]

FAILURE: Build failed with an exception.

* What went wrong:
Execution failed for task ':detekt'.
> Analysis failed with {#2-9} weighted issues.
""" + GRADLE_FAIL, cmd="./gradlew detekt --console=plain")

cause("lint", "dotnet", "lint", """
%%NOISE%%
[[
*1-6 {ws}/{~src}({#3-400},{#5-60}): error {?WHITESPACE: Fix whitespace formatting. Replace {#2-30} characters with '\\n\\s\\s\\s\\s\\s\\s\\s\\s'.¦WHITESPACE: Fix whitespace formatting. Delete {#1-4} characters.¦IDE0005: Using directive is unnecessary.¦IDE0055: Fix formatting¦IDE0161: Convert to file-scoped namespace¦IMPORTS: Fix imports ordering.} [{ws}/src/{Proj}/{Proj}.csproj]
]]
""", w=2)
cause("lint", "dotnet", "build", """
%%HEAD%%
[[
*1-4 {ws}/{~src}({#3-400},{#5-60}): error {?CA1822: Member '{~Cls}' does not access instance data and can be marked as static (https://learn.microsoft.com/dotnet/fundamentals/code-analysis/quality-rules/ca1822)¦CA2007: Consider calling ConfigureAwait on the awaited task (https://learn.microsoft.com/dotnet/fundamentals/code-analysis/quality-rules/ca2007)¦SA1600: Elements should be documented (https://github.com/DotNetAnalyzers/StyleCopAnalyzers/blob/master/documentation/SA1600.md)¦SA1413: Use trailing comma in multi-line initializers¦IDE0090: 'new' expression can be simplified¦CA1305: The behavior of 'int.ToString()' could vary based on the current user's locale settings.} [{ws}/src/{Proj}/{Proj}.csproj]
]]
""" + DOTNET_FAIL + """
    {#0-40} Warning(s)
    {#1-4} Error(s)
""")

cause("lint", "cargo", "lint", """
%%HEAD%%
[[
{R}{B}error{X}{B}: {?@cl this `if` has identical blocks¦redundant clone¦you seem to be trying to use `match` for destructuring a single pattern. Consider using `if let`¦unneeded `return` statement¦length comparison to zero¦this `impl` can be derived¦casting to the same type is unnecessary (`u32` -> `u32`)}{X}
  {C}-->{X} {src}:{ln}:{col}
   {C}|{X}
{ln} {C}|{X}         {?@cl if {ident} ⦃ {fn}() ⦄ else ⦃ {fn}() ⦄¦{ident}.clone()¦match {ident} ⦃¦return {ident};¦if {ident}.len() == 0 ⦃¦impl Default for {Cls} ⦃¦{ident} as u32}
   {C}|{X}         {R}^^^^^^^^^^^^^^{X}
   {C}|{X}
   = help: for further information visit https://rust-lang.github.io/rust-clippy/master/index.html#{?@cl if_same_then_else¦redundant_clone¦single_match¦needless_return¦len_zero¦derivable_impls¦unnecessary_cast}
   = note: `-D clippy::{?@cl if-same-then-else¦redundant-clone¦single-match¦needless-return¦len-zero¦derivable-impls¦unnecessary-cast}` implied by `-D warnings`
]]
   = help: to override `-D warnings` add `#[allow(clippy::{?@cl if_same_then_else¦redundant_clone¦single_match¦needless_return¦len_zero¦derivable_impls¦unnecessary_cast})]`

{R}{B}error{X}{B}: could not compile `{pkg}` (lib) due to {#1-5} previous error{?s¦}{X}
""", cmd="cargo clippy --all-targets -- -D warnings", w=2)
cause("lint", "cargo", "lint", """
[[
Diff in {ws}/{src}:{ln}:
 {?use std::collections::HashMap;¦fn {fn}(&self) -> Result<(), Error> ⦃}
{R}-    let {ident} = vec![{#1-9},{#1-9},{#1-9}];{X}
{G}+    let {ident} = vec![{#1-9}, {#1-9}, {#1-9}];{X}
]]
*0-2 Diff in {ws}/{~src}:{#3-300}:
""", cmd="cargo fmt --all -- --check", ok="")
cause("lint", "cargo", "lint", """
%%HEAD%%
[[
{R}{B}error{X}{B}: unresolved link to `{Cls}`{X}
  {C}-->{X} {src}:{ln}:{col}
   {C}|{X}
{ln} {C}|{X} /// See [`{Cls}`] for details.
   {C}|{X}          {R}^^^^^^^{X} no item named `{Cls}` in scope
   {C}|{X}
   = help: to escape `[` and `]` characters, add '\\' before them like `\\[` or `\\]`
   = note: `-D rustdoc::broken-intra-doc-links` implied by `-D warnings`
]]

{R}{B}error{X}{B}: could not document `{pkg}`{X}
""", cmd="RUSTDOCFLAGS=\"-D warnings\" cargo doc --no-deps")

cause("lint", "go", "lint", """
[[
{?Go files must be formatted with gofmt. Please run:¦The following files are not gofmt-ed:¦Unformatted files:}
*1-4   internal/{~word}/{~word}.go
]]
""", cmd="./scripts/check-gofmt.sh", ok="")
cause("lint", "go", "lint", """
[[
# {gomod}/internal/{word}
*1-3 internal/{word}/{~word}.go:{#3-400}:{#2-40}: {?fmt.Sprintf format %d has arg {~ident} of wrong type string¦unreachable code¦self-assignment of {ident} to {ident}¦the cancel function returned by context.WithTimeout should be called, not discarded, to avoid a context leak¦call has possible Printf formatting directive %s¦struct field tag `json:{ident}` not compatible with reflect.StructTag.Get: bad syntax for struct tag value}
]]
""", cmd="go vet ./...", ok="")
cause("lint", "go", "lint", """
%%HEAD%%
[[
*1-5 internal/{~word}/{~word}.go:{#3-400}:{#2-40}: {?Error return value of `{~ident}.Close` is not checked (errcheck)¦ineffectual assignment to err (ineffassign)¦S1002: should omit comparison to bool constant, can be simplified to `ok` (gosimple)¦exported: exported function {~Cls} should have comment or be unexported (revive)¦SA4006: this value of `err` is never used (staticcheck)¦File is not `gofmt`-ed with `-s` (gofmt)¦`{~word}` is a misspelling of `{~word}` (misspell)}
]]
""", cmd="golangci-lint run --timeout 5m ./...", w=2)

cause("lint", "bundler", "lint", """
Inspecting {#80-600} files
*1-6 ........................................{?C¦W¦.}.......................................
[[
Offenses:

*1-5 {~src}:{#3-400}:{#1-80}: {?C: [Correctable] Style/StringLiterals: Prefer single-quoted strings when you don't need string interpolation or special symbols.¦C: Layout/LineLength: Line is too long. [{#121-160}/120]¦W: [Correctable] Lint/UnusedMethodArgument: Unused method argument - {~ident}. If it's necessary, use _ or _{~ident} as an argument name to indicate that it won't be used.¦C: Metrics/MethodLength: Method has too many lines. [{#11-40}/10]¦C: [Correctable] Style/FrozenStringLiteralComment: Missing frozen string literal comment.¦C: Naming/PredicateName: Rename has_{~ident}? to {~ident}?.¦W: Lint/SuppressedException: Do not suppress exceptions.}

{#80-600} files inspected, {R}{#1-9} offense{?s¦} detected{X}, {#0-5} offenses autocorrectable
]]
""", w=2)
cause("lint", "bundler", "lint", """
[[
standard: Use Ruby Standard Style (https://github.com/standardrb/standard)
*1-4   {~src}:{#3-400}:{#1-80}: {?Layout/IndentationWidth: Use 2 (not 4) spaces for indentation.¦Style/HashSyntax: Use the new Ruby 1.9 hash syntax.¦Layout/SpaceInsideHashLiteralBraces: Space inside ⦃ detected.¦Lint/UselessAssignment: Useless assignment to variable - `{~ident}`.}
]]
""", cmd="bundle exec standardrb", ok="")
cause("lint", "bundler", "lint", """
%%HEAD%%
[[
== Warnings ==

Confidence: {?High¦Medium}
Category: {?SQL Injection¦Cross-Site Scripting¦Mass Assignment}
Check: {?SQL¦CrossSiteScripting¦PermitAttributes}
Message: {?Possible SQL injection¦Unescaped model attribute¦Potentially dangerous key allowed for mass assignment}
Code: {Cls}.where("{word} = '#⦃params[:{word}]⦄'")
File: app/controllers/{word}s_controller.rb
Line: {ln}
]]
""", cmd="bundle exec brakeman --no-pager -z", ok="== Warnings ==\n\nNo warnings found")

cause("lint", "make", "lint", """
[[
*1-5 {~src}:{#3-400}:{#1-40}: error: code should be clang-formatted [-Wclang-format-violations]
]]
""", cmd="clang-format --dry-run --Werror src/**/*.{?c¦cpp¦h}", ok="")
cause("lint", "make", "lint", """
%%HEAD%%
[[
*1-4 {~src}:{#3-400}:{#1-40}: {?style: The scope of the variable '{~ident}' can be reduced. [variableScope]¦error: Memory leak: {~ident} [memleak]¦warning: Possible null pointer dereference: {~ident} [nullPointer]¦style: Variable '{~ident}' is assigned a value that is never used. [unreadVariable]¦error: Array '{~ident}[{#8-64}]' accessed at index {#64-99}, which is out of bounds. [arrayIndexOutOfBounds]}
]]
""", w=1.5)
cause("lint", "make", "lint", """
%%HEAD%%
[[
*1-4 {~src}:{#3-400}:{#1-40}: error: {?use nullptr [modernize-use-nullptr,-warnings-as-errors]¦use auto when initializing with new to avoid duplicating the type name [modernize-use-auto,-warnings-as-errors]¦do not use 'else' after 'return' [readability-else-after-return,-warnings-as-errors]¦variable '{~ident}' is not initialized [cppcoreguidelines-init-variables,-warnings-as-errors]}
{#1-9} warnings treated as errors
]]
""", cmd="run-clang-tidy -p build -quiet", ok="")

cause("lint", "*", "lint", """
[[
In scripts/{word}.sh line {ln}:
{?@sc rm -rf $BUILD_DIR/*¦cd $(dirname $0)¦for f in $(ls *.log); do¦if [ $STATUS == "ok" ]; then}
{?@sc       ^----------^ SC2115 (warning): Use "${var:?}" to ensure this never expands to /* .¦   ^-----------^ SC2046 (warning): Quote this to prevent word splitting.¦         ^---------^ SC2045 (error): Iterating over ls output is fragile. Use globs.¦     ^-----^ SC2086 (info): Double quote to prevent globbing and word splitting.}
]]

For more information:
  https://www.shellcheck.net/wiki/{?@sc SC2115 -- Use "${var:?}" to ensure this ne...¦SC2046 -- Quote this to prevent word splitt...¦SC2045 -- Iterating over ls output is frag...¦SC2086 -- Double quote to prevent globbing ...}
""", cmd="shellcheck scripts/*.sh", ok="", w=0.6)
cause("lint", "*", "lint", """
markdownlint-cli2 v0.{#10-13}.0 (markdownlint v0.{#30-34}.0)
Finding: **/*.md !node_modules
Linting: {#4-40} file(s)
Summary: {#1-6} error(s)
[[
*1-5 {?README.md¦CONTRIBUTING.md¦docs/{~word}.md¦CHANGELOG.md}:{#3-400}{?:1¦} {?MD013/line-length Line length [Expected: 80; Actual: {#81-200}]¦MD022/blanks-around-headings Headings should be surrounded by blank lines [Expected: 1; Actual: 0; Below] [Context: "## {~Word}"]¦MD031/blanks-around-fences Fenced code blocks should be surrounded by blank lines [Context: "```"]¦MD034/no-bare-urls Bare URL used [Context: "https://{host}"]¦MD040/fenced-code-language Fenced code blocks should have a language specified [Context: "```"]}
]]
""", cmd="npx markdownlint-cli2 \"**/*.md\"", ok="markdownlint-cli2 v0.12.1 (markdownlint v0.33.0)\nSummary: 0 error(s)", w=0.6)
cause("lint", "*", "lint", """
[[
./{?.github/workflows/ci.yml¦.gitlab-ci.yml¦config/{word}.yml¦docker-compose.yml}
*1-4   {#3-300}:{#1-90}     {?error    line too long ({#81-140} > 80 characters)  (line-length)¦error    trailing spaces  (trailing-spaces)¦error    wrong indentation: expected {#2-8} but found {#3-9}  (indentation)¦error    duplication of key "{word}" in mapping  (key-duplicates)¦warning  truthy value should be one of [false, true]  (truthy)}
]]
""", cmd="yamllint -s .", ok="", w=0.5)
cause("lint", "*", "lint", """
[[
*1-4 {?docs/{~word}.md¦README.md¦{~src}}:{#3-400}: {?recieve ==> receive¦seperate ==> separate¦occured ==> occurred¦dependant ==> dependent¦teh ==> the¦accross ==> across}
]]
""", cmd="codespell", ok="", w=0.5)
cause("lint", "*", "lint", """
%%HEAD%%
[[
*1-3 {R}✗{X} [{?404¦410¦ERR}] https://{~host}/{~word}/{~word} | {?Failed: Network error: Not Found¦Failed: Network error: Gone¦Failed: Network error: error sending request for url}
🔍 {lktotal} Total ✅ {lkok} OK 🚫 {#1-3} Errors
]]
""", cmd="lychee --no-progress './**/*.md'", ok="🔍 {#100-900} Total ✅ {#100-900} OK 🚫 0 Errors", w=0.5)

# --- dependency: fetching / resolving / installing packages or toolchains fails
cause("dependency", "npm/npm", "install", """
%%HEAD%%
[[
{npmerr} code E404
{npmerr} 404 Not Found - GET https://registry.npmjs.org/{fakepkg_url} - Not found
{npmerr} 404 
{npmerr} 404  '{fakepkg}@^{#1-9}.{#0-9}.0' is not in this registry.
]]
{npmerr} 404 
{npmerr} 404 Note that you can also install from a
{npmerr} 404 tarball, folder, http url, or git url.

{npmerr} A complete log of this run can be found in: /home/runner/.npm/_logs/{day}T{#10-23}_{#10-59}_{#10-59}_{#100-999}Z-debug-0.log
""", w=1.5)
cause("dependency", "npm/npm", "install", """
%%HEAD%%
[[
{npmerr} code ERESOLVE
{npmerr} ERESOLVE {?unable to resolve dependency tree¦could not resolve}
{npmerr} 
{npmerr} While resolving: {proj}@{pver}
{npmerr} Found: {dep}@{ver}
{npmerr} node_modules/{dep}
{npmerr}   {?dev ¦}{dep}@"^{ver}" from the root project
{npmerr} 
{npmerr} Could not resolve dependency:
{npmerr} peer {dep}@"^{#1-4}.0.0 || ^{#5-8}.0.0" from {dep2}@{ver2}
{npmerr} node_modules/{dep2}
{npmerr}   {dep2}@"^{ver2}" from the root project
]]
{npmerr} 
{npmerr} Fix the upstream dependency conflict, or retry
{npmerr} this command with --force or --legacy-peer-deps
{npmerr} to accept an incorrect (and potentially broken) dependency resolution.
{npmerr} 
{npmerr} A complete log of this run can be found in: /home/runner/.npm/_logs/{day}T{#10-23}_{#10-59}_{#10-59}_{#100-999}Z-debug-0.log
""", w=1.5)
cause("dependency", "npm/npm", "install", """
%%HEAD%%
[[
{npmerr} code EINTEGRITY
{npmerr} sha512-{h64}{h12}== integrity checksum failed when using sha512: wanted sha512-{h64}{h12}== but got sha512-{h64}{h8}==. ({#10000-900000} bytes)
]]

{npmerr} A complete log of this run can be found in: /home/runner/.npm/_logs/{day}T{#10-23}_{#10-59}_{#10-59}_{#100-999}Z-debug-0.log
""")
cause("dependency", "npm/npm", "install", """
%%HEAD%%
[[
{npmerr} `npm ci` can only install packages when your package.json and package-lock.json or npm-shrinkwrap.json are in sync. Please update your lock file with `npm install` before continuing.
{npmerr} 
{npmerr} Missing: {dep}@{ver} from lock file
{npmerr} Invalid: lock file's {dep2}@{ver2} does not satisfy {dep2}@^{#3-9}.0.0
]]
{npmerr} 
{npmerr} Clean install a project
""")
cause("dependency", "npm", "install", """
%%HEAD%%
> {?@ng node-sass@4.14.1¦sharp@0.{#20-32}.{#0-9}¦canvas@2.{#5-11}.{#0-2}} {?@ng postinstall¦install¦install} {ws}/node_modules/{?@ng node-sass¦sharp¦canvas}
> node scripts/build.js

gyp info it worked if it ends with ok
gyp info using node-gyp@{ver}
*3-12   CXX(target) Release/obj.target/binding/src/{~word}.o
[[
../src/{word}.cc:{ln}:{col}: error: {?'class v8::Object' has no member named 'ForceSet'¦no matching function for call to 'v8::Value::ToObject()'¦'Handle' in namespace 'v8' does not name a template type}
make: *** [binding.target.mk:{#100-200}: Release/obj.target/binding/src/{word}.o] Error 1
gyp ERR! build error 
gyp ERR! stack Error: `make` failed with exit code: 2
]]
gyp ERR! stack     at ChildProcess.onExit ({ws}/node_modules/node-gyp/lib/build.js:262:23)
gyp ERR! System Linux 6.5.0-1016-azure
gyp ERR! node -v v{toolver}
gyp ERR! not ok 
""")
cause("dependency", "npm/yarn", "install", """
yarn install v1.22.{#10-22}
[1/4] Resolving packages...
[[
{R}error{X} {?Couldn't find any versions for "{dep}" that matches "^{#20-40}.0.0"¦An unexpected error occurred: "https://registry.yarnpkg.com/{fakepkg_url}: Not found".¦Couldn't find package "{fakepkg}@^{#1-9}.0.0" required by "{proj}@{pver}" on the "npm" registry.}
]]
info Visit https://yarnpkg.com/en/docs/cli/install for documentation about this command.
""", w=1.5)
cause("dependency", "npm/pnpm", "install", """
%%HEAD%%
[[
{?{R} ERR_PNPM_FETCH_404 {X} GET https://registry.npmjs.org/{fakepkg_url}: Not Found - 404⏎⏎This error happened while installing a direct dependency of {ws}¦{R} ERR_PNPM_OUTDATED_LOCKFILE {X} Cannot install with "frozen-lockfile" because pnpm-lock.yaml is not up to date with package.json¦{R} ERR_PNPM_PEER_DEP_ISSUES {X} Unmet peer dependencies⏎⏎.⏎└─┬ {dep2} {ver2}⏎  └── ✕ unmet peer {dep}@^{#1-4}.0.0: found {ver}}
]]
""", w=1.5)
cause("dependency", "npm", "install", """
%%HEAD%%
[[
{npmerr} code {?ETIMEDOUT¦ECONNRESET¦EAI_AGAIN}
{npmerr} {?network request to https://registry.npmjs.org/{dep} failed, reason: connect ETIMEDOUT 104.16.{#0-30}.{#1-254}:443¦network aborted¦request to https://registry.npmjs.org/{dep} failed, reason: getaddrinfo EAI_AGAIN registry.npmjs.org}
{npmerr} network This is a problem related to network connectivity.
]]
{npmerr} network In most cases you are behind a proxy or have bad network settings.
{npmerr} network 
{npmerr} network If you are behind a proxy, please make sure that the
{npmerr} network 'proxy' config is set properly.  See: 'npm help config'
""", cmd="npm ci")
cause("dependency", "npm", "setup", """
Attempting to download {?21.99¦18.99¦23.x}...
[[
##[error]Unable to find Node version '{?21.99¦18.99¦23.x}' for platform linux and architecture x64.
]]
""", fr="github")
cause("dependency", "npm", "test", """
%%HEAD%%
[[
{?Error: Cannot find module '{dep}'¦Error: Cannot find module '{dep}/{word}'¦Error [ERR_MODULE_NOT_FOUND]: Cannot find package '{dep}' imported from {ws}/node_modules/{dep2}/dist/index.js}
Require stack:
- {ws}/node_modules/{dep2}/lib/index.js
]]
- {ws}/{src}
    at Module._resolveFilename (node:internal/modules/cjs/loader:1145:15)
    at Module._load (node:internal/modules/cjs/loader:986:27)
    at Module.require (node:internal/modules/cjs/loader:1233:19)
""")

cause("dependency", "pip/pip pip/tox", "install", """
%%HEAD%%
[[
ERROR: Could not find a version that satisfies the requirement {?@pv {dep}=={badver}¦{fakepkg}>={#1-3}.0¦{dep}<{oldver}} (from versions: {ver}, {ver2}, {ver3})
ERROR: No matching distribution found for {?@pv {dep}=={badver}¦{fakepkg}¦{dep}<{oldver}}
]]
""", w=2)
cause("dependency", "pip/pip pip/tox", "install", """
%%HEAD%%
INFO: pip is looking at multiple versions of {dep} to determine which version is compatible with other requirements. This could take a while.
[[
ERROR: Cannot install -r requirements-dev.txt (line {#2-30}) and {dep}=={ver} because these package versions have conflicting dependencies.

The conflict is caused by:
    The user requested {dep}=={ver}
    {dep2} {ver2} depends on {dep}<{#0-2}.{#0-9} and >={#0-1}.{#0-9}
]]

To fix this you could try to:
1. loosen the range of package versions you've specified
2. remove package versions to allow pip to attempt to solve the dependency conflict

ERROR: ResolutionImpossible: for help visit https://pip.pypa.io/en/latest/topics/dependency-resolution/#dealing-with-dependency-conflicts
""", w=1.5)
cause("dependency", "pip/pip pip/tox", "install", """
%%HEAD%%
[[
ERROR: THESE PACKAGES DO NOT MATCH THE HASHES FROM THE REQUIREMENTS FILE. If you have updated the package versions, please update the hashes. Otherwise, examine the package contents carefully; someone may have tampered with them.
    {dep}=={ver} from https://files.pythonhosted.org/packages/{hex}/{dep}-{ver}-py3-none-any.whl#sha256={h64} (from -r requirements-dev.txt (line {#2-40})):
        Expected sha256 {h64}
             Got        {h64}
]]
""")
cause("dependency", "pip", "install", """
%%HEAD%%
  Building wheel for {?@nat psycopg2¦mysqlclient¦pycairo¦lxml¦python-ldap} (pyproject.toml): started
[[
  error: subprocess-exited-with-error
  
  × Building wheel for {?@nat psycopg2¦mysqlclient¦pycairo¦lxml¦python-ldap} (pyproject.toml) did not run successfully.
  │ exit code: 1
  ╰─> [{#20-90} lines of output]
      running build_ext
      {?@nat Error: pg_config executable not found.¦/bin/sh: 1: mysql_config: not found¦Package cairo was not found in the pkg-config search path.¦Error: Please make sure the libxml2 and libxslt development packages are installed.¦Modules/LDAPObject.c:16:10: fatal error: sasl.h: No such file or directory}
      [end of output]
]]
  
  note: This error originates from a subprocess, and is likely not a problem with pip.
  ERROR: Failed building wheel for {?@nat psycopg2¦mysqlclient¦pycairo¦lxml¦python-ldap}
ERROR: Could not build wheels for {?@nat psycopg2¦mysqlclient¦pycairo¦lxml¦python-ldap}, which is required to install pyproject.toml-based projects
""")
cause("dependency", "pip/poetry", "install", """
Installing dependencies from lock file
[[
{?pyproject.toml changed significantly since poetry.lock was last generated. Run `poetry lock [--no-update]` to fix the lock file.¦Because {proj} depends on {fakepkg} (^{#1-4}.0) which doesn't match any versions, version solving failed.¦Because {dep2} ({ver2}) depends on {dep} (>={#5-9}.0) and {proj} depends on {dep} (<{#2-4}.0), {dep2} is forbidden.⏎So, because {proj} depends on {dep2} ({ver2}), version solving failed.}
]]
""", w=2)
cause("dependency", "pip", "test", """
%%HEAD%%
{R}==================================== ERRORS ===================================={X}
{R}_________________ ERROR collecting {tfile} _________________{X}
[[
ImportError while importing test module '{ws}/{tfile}'.
Hint: make sure your test modules/packages have valid Python names.
Traceback:
{?{pyhome}/lib/python{major}/importlib/__init__.py:126: in import_module¦{ws}/.venv/lib/python{major}/importlib/__init__.py:90: in import_module}
    return _bootstrap._gcd_import(name[level:], package, level)
{tfile}:{#2-9}: in <module>
    import {?yaml¦freezegun¦responses¦hypothesis¦moto}
E   ModuleNotFoundError: No module named '{?yaml¦freezegun¦responses¦hypothesis¦moto}'
]]
""", code=2)
cause("dependency", "pip", "setup", """
[[
##[error]The version '{?3.13.9¦3.7.17¦3.14.0-beta.9}' with architecture 'x64' was not found for Ubuntu 24.04.
The list of all available versions can be found here: https://raw.githubusercontent.com/actions/python-versions/main/versions-manifest.json
]]
""", fr="github")

cause("dependency", "maven", "install", """
%%HEAD%%
""" + MVN_FAIL + """
[[
[ERROR] Failed to execute goal on project {proj}: Could not resolve dependencies for project {jpkg}:{proj}:jar:{pver}-SNAPSHOT: {?Could not find artifact {fakepkg}:jar:{ver} in central (https://repo.maven.apache.org/maven2)¦The following artifacts could not be resolved: {fakepkg}:jar:{ver} (absent): Could not find artifact {fakepkg}:jar:{ver} in {org}-releases (https://nexus.{org}.io/repository/releases)¦Failed to collect dependencies at {dep}:jar:{ver} -> {dep2}:jar:{ver2}: Failed to read artifact descriptor for {dep2}:jar:{ver2}: Could not transfer artifact {dep2}:pom:{ver2} from/to central (https://repo.maven.apache.org/maven2): Connection reset} -> [Help 1]
]]
""" + MVN_HELP, w=2)
cause("dependency", "maven", "install", """
%%HEAD%%
[[
[ERROR] Plugin {?org.codehaus.mojo:exec-maven-plugin:{#9-9}.{#0-9}.0¦{fakepkg}-maven-plugin:{ver}} or one of its dependencies could not be resolved: Could not find artifact {fakepkg}-maven-plugin:jar:{ver} in central (https://repo.maven.apache.org/maven2) -> [Help 1]
]]
""" + MVN_HELP)
cause("dependency", "maven", "install", """
%%HEAD%%
[[
[WARNING] Rule 0: org.apache.maven.enforcer.rules.dependency.DependencyConvergence failed with message:
Failed while enforcing releasability.

Dependency convergence error for {dep}:jar:{ver} paths to dependency are:
+-{jpkg}:{proj}:jar:{pver}-SNAPSHOT
  +-{dep}:jar:{ver}:compile
and
+-{jpkg}:{proj}:jar:{pver}-SNAPSHOT
  +-{dep2}:jar:{ver2}:compile
    +-{dep}:jar:{ver3}:compile
]]
""" + MVN_FAIL + """
[ERROR] Failed to execute goal org.apache.maven.plugins:maven-enforcer-plugin:3.4.1:enforce (enforce) on project {proj}: 
[ERROR] Rule 0: org.apache.maven.enforcer.rules.dependency.DependencyConvergence failed with message:
[ERROR] Failed while enforcing releasability.
""" + MVN_HELP)
cause("dependency", "gradle", "install", """
%%HEAD%%

FAILURE: Build failed with an exception.

* What went wrong:
[[
{?Could not resolve all files for configuration ':compileClasspath'.⏎> Could not find {fakepkg}:{ver}.⏎  Searched in the following locations:⏎    - https://repo.maven.apache.org/maven2/{fakepkg_path}/{ver}/{fakepkg_art}-{ver}.pom⏎  Required by:⏎      project :¦Could not resolve all dependencies for configuration ':runtimeClasspath'.⏎> Could not resolve {dep}:{ver}.⏎  Required by:⏎      project :⏎   > Could not resolve {dep}:{ver}.⏎      > Could not get resource 'https://repo.maven.apache.org/maven2/{fakepkg_path}/{ver}/{fakepkg_art}-{ver}.pom'.⏎         > Could not GET 'https://repo.maven.apache.org/maven2/{fakepkg_path}/{ver}/{fakepkg_art}-{ver}.pom'. Received status code 502 from server: Bad Gateway¦Dependency verification failed for configuration ':compileClasspath'⏎One artifact failed verification: {fakepkg_art}-{ver}.jar ({dep}:{ver}) from repository MavenRepo⏎This can indicate that a dependency has been compromised. Please carefully verify the checksums.}
]]
""" + GRADLE_FAIL, w=2)
cause("dependency", "gradle", "install", """
[[
Exception in thread "main" java.io.IOException: Downloading from https://services.gradle.org/distributions/gradle-8.{#4-8}-bin.zip failed: {?timeout (10000ms)¦status code 503}
]]
	at org.gradle.wrapper.Install.forceFetch(SourceFile:2)
	at org.gradle.wrapper.Install$1.call(SourceFile:8)
	at org.gradle.wrapper.GradleWrapperMain.main(SourceFile:67)
""")
cause("dependency", "dotnet", "install", """
%%HEAD%%
[[
*1-2 {ws}/src/{Proj}/{Proj}.csproj : error {?NU1101: Unable to find package {fakepkg}. No packages exist with this id in source(s): nuget.org¦NU1102: Unable to find package {dep} with version (>= {#20-40}.0.0)⏎  - Found {#10-90} version(s) in nuget.org [ Nearest version: {ver} ]¦NU1107: Version conflict detected for {dep}. Install/reference {dep} {ver} directly to project {Proj} to resolve this issue. ⏎ {Proj} -> {dep2} {ver2} -> {dep} (>= {ver}) ⏎ {Proj} -> {dep} (< {#0-1}.0.0).¦NU1301: Unable to load the service index for source https://pkgs.dev.azure.com/{org}/_packaging/{word}/nuget/v3/index.json.¦NU1605: Detected package downgrade: {dep} from {ver} to {ver2}. Reference the package directly from the project to select a different version.}
]]
  Failed to restore {ws}/src/{Proj}/{Proj}.csproj (in {#1-9}.{#10-99} sec).
""", w=2)
cause("dependency", "dotnet", "setup", """
[[
{?dotnet-install: Could not find `.NET Core SDK` with version = 8.0.9{#10-99}¦##[error]Failed to install dotnet, exit code: 1. dotnet_install: Error: Could not find `.NET Core SDK` with version = 8.0.9{#10-99}}
]]
dotnet-install: Refer to: https://aka.ms/dotnet-os-lifecycle for information on .NET Core support.
""", fr="github")
cause("dependency", "cargo", "install", """
%%HEAD%%
[[
{R}{B}error{X}: failed to select a version for the requirement `{dep} = "^{#20-90}.0"`
candidate versions found which didn't match: {ver}, {ver2}, {ver3}, ...
location searched: crates.io index
required by package `{pkg} v{pver} ({ws})`
]]
""", w=1.5)
cause("dependency", "cargo", "install", """
%%HEAD%%
[[
{R}{B}error{X}: {?no matching package named `{fakepkg}` found⏎location searched: registry `crates-io`⏎required by package `{pkg} v{pver} ({ws})`¦failed to download from `https://static.crates.io/crates/{dep}/{ver}/download`⏎⏎Caused by:⏎  [35] SSL connect error (OpenSSL SSL_connect: SSL_ERROR_SYSCALL in connection to static.crates.io:443 )¦checksum for `{dep} v{ver}` changed between lock files⏎⏎this could be indicative of either a source code change or a malicious change in the Cargo.lock file}
]]
""")
cause("dependency", "cargo", "build", """
%%HEAD%%
[[
{R}{B}error{X}: failed to run custom build command for `{?@bs openssl-sys v0.9.{#90-102}¦libsqlite3-sys v0.{#20-28}.0¦prost-build v0.12.{#0-4}}`

Caused by:
  process didn't exit successfully: `{ws}/target/release/build/{?@bs openssl-sys¦libsqlite3-sys¦prost-build}-{h12}{h8}/build-script-main` (exit status: 101)
  --- stderr
  {?@bs Could not find directory of OpenSSL installation, and this `-sys` crate cannot⏎  proceed without this knowledge.¦error: could not find system library 'sqlite3' required by the 'libsqlite3-sys' crate¦thread 'main' panicked at 'Could not find `protoc`. If `protoc` is installed, try setting the `PROTOC` environment variable'}
]]
""")
cause("dependency", "cargo", "setup", """
[[
{R}error{X}: {?toolchain 'nightly-2026-0{#1-9}-{#10-28}-x86_64-unknown-linux-gnu' is not installable¦component 'clippy' for target 'x86_64-unknown-linux-gnu' is unavailable for download for channel 'nightly-2026-0{#1-9}-{#10-28}'¦could not download file from 'https://static.rust-lang.org/dist/channel-rust-1.{#80-99}.0.toml.sha256' to '/home/runner/.rustup/tmp/{h12}_file': failed to make network request}
]]
""", cmd="rustup toolchain install {?nightly¦1.{#80-99}.0} --profile minimal --component clippy")
cause("dependency", "go", "install", """
%%HEAD%%
[[
{?go: {dep}@v{ver}: reading {dep}/go.mod at revision v{ver}: unknown revision v{ver}¦go: {fakepkg}@v{ver}: reading https://proxy.golang.org/{fakepkg}/@v/v{ver}.mod: 404 Not Found⏎	server response: not found: {fakepkg}@v{ver}: invalid version: unknown revision v{ver}¦go: github.com/{org}/{word}-internal@v{ver}: invalid version: git ls-remote -q origin in /home/runner/go/pkg/mod/cache/vcs/{h64}: exit status 128:⏎	fatal: could not read Username for 'https://github.com': terminal prompts disabled}
]]
""", w=1.5)
cause("dependency", "go", "install", """
%%HEAD%%
[[
verifying {dep}@v{ver}: checksum mismatch
	downloaded: h1:{h12}{h8}{h12}=
	go.sum:     h1:{h12}{h8}{h8}=

SECURITY ERROR
This download does NOT match an earlier download recorded in go.sum.
]]
The bits may have been replaced on the origin server, or an attacker may
have intercepted the download attempt.

For more information, see 'go help module-auth'.
""")
cause("dependency", "go", "build", """
%%HEAD%%
[[
*1-3 internal/{~word}/{~word}.go:{#3-20}:2: missing go.sum entry for module providing package {~dep}{?/{~word}¦} (imported by {gomod}/internal/{~word}); to add:
	go get {gomod}/internal/{word}
]]
""")
cause("dependency", "go", "install", """
[[
go: go.mod requires go >= 1.{#23-25}.{#0-3} (running go {toolver}; GOTOOLCHAIN=local)
]]
""")
cause("dependency", "bundler", "install", """
%%HEAD%%
[[
{?Could not find gem '{fakepkg} (~> {#1-4}.{#0-9})' in rubygems repository https://rubygems.org/ or installed locally.¦Your bundle is locked to mimemagic (0.3.5) from rubygems repository https://rubygems.org/ or installed locally, but that version can no longer be found in that source. That means the author of mimemagic (0.3.5) has removed it. You'll need to update your bundle to a version other than mimemagic (0.3.5) that hasn't been removed in order to install.¦Could not find {dep}-{ver} in locally installed gems}
]]
""", w=1.5)
cause("dependency", "bundler", "install", """
%%HEAD%%
[[
Bundler could not find compatible versions for gem "{dep}":
  In Gemfile:
    {dep2} (~> {#1-7}.{#0-2}) was resolved to {ver2}, which depends on
      {dep} (= {ver})

    {fakepkg} (~> {#1-3}.0) was resolved to {ver3}, which depends on
      {dep} (< {#0-1}.{#1-9})
]]
""")
cause("dependency", "bundler", "install", """
%%HEAD%%
Installing {?@gem pg 1.5.4¦mysql2 0.5.5¦nokogiri 1.15.5} with native extensions
[[
Gem::Ext::BuildError: ERROR: Failed to build gem native extension.

    current directory: {ws}/vendor/bundle/ruby/3.2.0/gems/{?@gem pg-1.5.4¦mysql2-0.5.5¦nokogiri-1.15.5}/ext/{?@gem pg¦mysql2¦nokogiri}
{rubyhome}/bin/ruby extconf.rb
{?@gem checking for pg_config... no⏎No pg_config... trying anyway. If building fails, please try again with⏎ --with-pg-config=/path/to/pg_config¦checking for mysql_query() in -lmysqlclient... no⏎-----⏎mysql client is missing. You may need to 'sudo apt-get install libmariadb-dev', 'sudo apt-get install libmysqlclient-dev' or 'sudo yum install mysql-devel', and try again.¦checking for libxml/parser.h... no⏎ERROR: libxml2 is missing. Please locate mkmf.log to investigate how it is failing.}
*** extconf.rb failed ***
]]
Could not create Makefile due to some reason, probably lack of necessary
libraries and/or headers.  Check the mkmf.log file for more details.

An error occurred while installing {?@gem pg (1.5.4)¦mysql2 (0.5.5)¦nokogiri (1.15.5)}, and Bundler cannot continue.
""")
cause("dependency", "bundler", "setup", """
[[
##[error]{?Unknown version {#3-4}.{#4-9}.{#0-9} for ruby on ubuntu-22.04¦Error: Unable to find Ruby version {#3-4}.{#4-9}.{#0-9} for platform ubuntu-22.04}
]]
        available versions for ruby on ubuntu-22.04: 2.7.8, 3.0.6, 3.1.4, 3.2.3, 3.3.0, 3.3.1, head
""", fr="github")
cause("dependency", "make", "install", """
%%HEAD%%
[[
{?E: Unable to locate package {fakepkg}¦E: Package '{?libssl1.0-dev¦python-dev¦libgtk2.0-dev}' has no installation candidate¦E: Version '{ver}-1ubuntu1' for '{dep}' was not found¦E: Failed to fetch http://azure.archive.ubuntu.com/ubuntu/pool/main/{word}/{dep}_{ver}_amd64.deb  404  Not Found [IP: 52.{#1-254}.{#1-254}.{#1-254} 80]⏎E: Unable to fetch some archives, maybe run apt-get update or try with --fix-missing?}
]]
""", code=100, w=1.5)
cause("dependency", "make", "build", """
%%HEAD%%
[[
CMake Error at {?CMakeLists.txt:{#10-90} (find_package)¦cmake/Dependencies.cmake:{#10-90} (find_package)}:
  By not providing "Find{Cls}.cmake" in CMAKE_MODULE_PATH this project has
  asked CMake to find a package configuration file provided by "{Cls}", but
  CMake did not find one.

  Could not find a package configuration file provided by "{Cls}" with any of
  the following names:

    {Cls}Config.cmake
    {ident}-config.cmake
]]

-- Configuring incomplete, errors occurred!
""", w=1.5)
cause("dependency", "make", "build", """
%%HEAD%%
[[
CMake Error at /usr/share/cmake-3.{#22-28}/Modules/FindPackageHandleStandardArgs.cmake:230 (message):
  Could NOT find {?Boost (missing: Boost_INCLUDE_DIR filesystem system)¦GTest (missing: GTEST_LIBRARY GTEST_INCLUDE_DIR GTEST_MAIN_LIBRARY)¦Protobuf (missing: Protobuf_LIBRARIES Protobuf_INCLUDE_DIR)¦CURL (missing: CURL_LIBRARY CURL_INCLUDE_DIR)}
Call Stack (most recent call first):
  /usr/share/cmake-3.{#22-28}/Modules/FindPackageHandleStandardArgs.cmake:600 (_FPHSA_FAILURE_MESSAGE)
]]
  CMakeLists.txt:{#10-90} (find_package)

-- Configuring incomplete, errors occurred!
""")
cause("dependency", "make", "build", """
%%HEAD%%
[[
CMake Error at build/_deps/{word}-subbuild/{word}-populate-prefix/src/{word}-populate-stamp/download-{word}-populate.cmake:170 (message):
  Each download failed!

    error: downloading 'https://github.com/{org}/{word}/archive/refs/tags/v{ver}.tar.gz' failed
          status_code: 22
          status_string: "HTTP response code said error"
]]
""")

# --- configuration: the CI job's own script / config / credentials are wrong
cause("configuration", "*", "{stepany}", """
%%HEAD%%
[[
{shprefix}{tool}: {?command not found¦not found}
]]
""", cmd="{tool} {?install¦run build¦test¦--version && {tool} check}", code=127, w=2)
cause("configuration", "*", "{stepany}", """
[[
{?bash: {script_path}: No such file or directory¦/bin/sh: 1: {script_path}: not found¦{shprefix}{script_path}: No such file or directory¦/home/travis/.travis/functions: line 10{#0-9}: {ws}/{script_path}: No such file or directory}
]]
""", cmd="{script_path} {?--ci¦¦all}", code=127, w=1.5)
cause("configuration", "*", "{stepany}", """
[[
{?cp: cannot stat 'config/{word}.ci.{?yml¦json¦env}': No such file or directory¦cat: .env.{?ci¦test}: No such file or directory¦mv: cannot stat 'build/{word}': No such file or directory¦./scripts/ci/{word}.sh: line {#3-90}: cd: {?./tools/{word}¦../{proj}-{word}}: No such file or directory¦chmod: cannot access 'scripts/{word}.sh': No such file or directory}
]]
""", cmd="{?cp config/{word}.ci.yml config/{word}.yml¦./scripts/ci/{word}.sh¦source .env.ci && {stepcmd}}", w=1.5)
cause("configuration", "*", "{stepany}", """
[[
{?/bin/sh: 1: {script_path}: Permission denied¦bash: {script_path}: Permission denied¦{shprefix}{script_path}: Permission denied}
]]
""", cmd="{script_path}", code=126)
cause("configuration", "npm", "install", """
[[
{npmerr} code ENOENT
{npmerr} syscall open
{npmerr} path {ws}/{?@pj frontend/¦app/¦web/}package.json
{npmerr} errno -2
{npmerr} enoent Could not read package.json: Error: ENOENT: no such file or directory, open '{ws}/{?@pj frontend/¦app/¦web/}package.json'
]]
{npmerr} enoent This is related to npm not being able to find a file.
{npmerr} enoent 
""", cmd="npm ci")
cause("configuration", "npm", "{steprun}", """
[[
{npmerr} Missing script: "{?@ms test:ci¦build:prod¦lint:ci¦typecheck}"
{npmerr} 
{npmerr} To see a list of scripts, run:
{npmerr}   npm run
]]
""", cmd="npm run {?@ms test:ci¦build:prod¦lint:ci¦typecheck}")
cause("configuration", "pip", "install", """
[[
ERROR: Could not open requirements file: [Errno 2] No such file or directory: 'requirements/{?@rq ci¦test¦dev}.txt'
]]
""", cmd="pip install -r requirements/{?@rq ci¦test¦dev}.txt")
cause("configuration", "pip", "test", """
[[
ERROR: usage: pytest [options] [file_or_dir] [file_or_dir] [...]
pytest: error: unrecognized arguments: {?@pa --maxfail-1¦--cov-fail-under¦-n auto¦--timeout 60}
  inifile: {ws}/pyproject.toml
  rootdir: {ws}
]]
""", cmd="pytest {?@pa --maxfail-1¦--cov-fail-under¦-n auto¦--timeout 60}", code=4)
cause("configuration", "maven", "{steprun}", """
[[
[ERROR] {?@mv Unknown lifecycle phase "{?@mp verfiy¦tset¦pakage}". You must specify a valid lifecycle phase or a goal in the format <plugin-prefix>:<goal> or <plugin-group-id>:<plugin-artifact-id>[:<plugin-version>]:<goal>.¦The goal you specified requires a project to execute but there is no POM in this directory ({ws}/{word}). Please verify you invoked Maven from the correct directory.¦Could not find the selected project in the reactor: :{word}-api} -> [Help 1]
]]
""" + MVN_HELP, cmd="mvn -B {?@mv {?@mp verfiy¦tset¦pakage}¦-f {word}/pom.xml package¦-pl :{word}-api test}")
cause("configuration", "gradle", "{steprun}", """
FAILURE: Build failed with an exception.

* What went wrong:
[[
{?@gt Task '{?@gtt tset¦intergrationTest¦checkStyle}' not found in root project '{proj}'.¦Directory '{ws}/{word}' does not contain a Gradle build.¦Project 'app' not found in root project '{proj}'.}
]]
""" + GRADLE_FAIL, cmd="./gradlew {?@gt {?@gtt tset¦intergrationTest¦checkStyle}¦-p {word} build¦:app:build} --console=plain")
cause("configuration", "gradle maven", "{steprun}", """
[[
{?@pd /bin/sh: 1: ./gradlew: Permission denied¦/bin/sh: 1: ./mvnw: Permission denied}
]]
""", cmd="{?@pd ./gradlew build¦./mvnw -B verify}", code=126)
cause("configuration", "dotnet", "{steprun}", """
[[
MSBUILD : error {?@msb MSB1003: Specify a project or solution file. The current working directory does not contain a project or solution file.¦MSB1001: Unknown switch.⏎Switch: --no-restor¦MSB1009: Project file does not exist.⏎Switch: src/{Proj}/{Proj}.{?csprj¦sln}¦MSB1011: Specify which project or solution file to use because this folder contains more than one project or solution file.}
]]
""", cmd="dotnet {?@msb build¦test --no-restor¦build src/{Proj}/{Proj}.csprj¦build -c Release}")
cause("configuration", "cargo", "{steprun}", """
[[
{R}error{X}: {?@cc could not find `Cargo.toml` in `{ws}/{word}` or any parent directory¦unexpected argument '--all-feature' found⏎⏎  tip: a similar argument exists: '--all-features'¦no such command: `{?@cx nextest¦llvm-cov¦deny}`⏎⏎	View all installed commands with `cargo --list`⏎	Find a package to install `{?@cx nextest¦llvm-cov¦deny}` with `cargo search cargo-{?@cx nextest¦llvm-cov¦deny}`}
]]
""", cmd="{?@cc cd {word} && cargo build¦cargo test --all-feature¦cargo {?@cx nextest run¦llvm-cov --lcov¦deny check}}")
cause("configuration", "go", "{steprun}", """
[[
{?@gc go: go.mod file not found in current directory or any parent directory; see 'go help modules'¦flag provided but not defined: -{?@gf racee¦timeout5m}¦pattern ./{word}/...: directory prefix {word} does not contain main module or its selected dependencies}
]]
""", cmd="{?@gc cd {word} && go test ./...¦go test -{?@gf racee¦timeout5m} ./...¦go test ./{word}/...}", code=2)
cause("configuration", "bundler", "{steprun}", """
[[
{?@bc Could not locate Gemfile or .bundle/ directory¦Could not find command "{?@bx rspecc¦rubocopp}".¦rake aborted!⏎Don't know how to build task '{?@bt spec:ci¦test:all}' (See the list of available tasks with `rake --tasks`)¦rake aborted!⏎No Rakefile found (looking for: rakefile, Rakefile, rakefile.rb, Rakefile.rb)}
]]
""", cmd="{?@bc cd {word} && bundle exec rspec¦bundle exec {?@bx rspecc¦rubocopp}¦bundle exec rake {?@bt spec:ci¦test:all}¦bundle exec rake}")
cause("configuration", "make", "{steprun}", """
[[
{?@mc make: *** No rule to make target '{?@mt tests¦check-all}'.  Stop.¦CMake Error: The source directory "{ws}/build" does not appear to contain CMakeLists.txt.⏎Specify --help for usage, or press the help button on the CMake GUI.¦CMake Error: Unknown argument --parallell¦make: *** No targets specified and no makefile found.  Stop.}
]]
""", cmd="{?@mc make {?@mt tests¦check-all}¦cmake build¦cmake --build build --parallell 4¦cd {word} && make}", code=2)
cause("configuration", "*", "setup", """
[[
{?Error: Input required and not supplied: {?token¦github-token¦api-key}¦##[error]Input required and not supplied: {?token¦python-version¦node-version}}
]]
""", fr="github")
cause("configuration", "*", "setup", """
[[
##[error]Unable to resolve action `{?actions/setup-nodee@v4¦actions/checkout@v5.9¦{org}/ci-actions/{word}@main}`, {?repository not found¦unable to find version `v5.9`}
]]
""", fr="github")
cause("configuration", "*", "checkout", """
[[
org.codehaus.groovy.control.MultipleCompilationErrorsException: startup failed:
WorkflowScript: {ln}: {?Invalid parameter "timeOut", did you mean "time"? @ line {ln}, column {col}.¦Unknown stage section "step". Starting with version 0.5, steps in a stage must be in a 'steps' block. @ line {ln}, column {col}.¦Missing required section "agent" @ line 1, column 1.¦Expected a stage @ line {ln}, column {col}.}
]]

1 error

	at org.codehaus.groovy.control.ErrorCollector.failIfErrors(ErrorCollector.java:309)
	at org.codehaus.groovy.control.CompilationUnit.applyToPrimaryClassNodes(CompilationUnit.java:1107)
""", fr="jenkins")
cause("configuration", "*", "{stepany}", """
%%HEAD%%
[[
{?Error: Missing required environment variable {env}¦error: environment variable {env} is not set¦KeyError: '{env}'¦{env}: parameter null or not set¦ValueError: {env} must be set when CI=true}
]]
""", cmd="{stepcmd}", w=1.5)
cause("configuration", "npm", "deploy", """
%%HEAD%%
[[
{npmerr} code ENEEDAUTH
{npmerr} need auth This command requires you to be logged in to https://registry.npmjs.org/
{npmerr} need auth You need to authorize this machine using `npm adduser`
]]
""", cmd="npm publish --access public")
cause("configuration", "pip", "deploy", """
Uploading distributions to https://upload.pypi.org/legacy/
Uploading {pkg}-{pver}-py3-none-any.whl
[[
ERROR    HTTPError: 403 Forbidden from https://upload.pypi.org/legacy/
         {?Invalid or non-existent authentication information. See https://pypi.org/help/#invalid-auth for more information.¦The user '{word}' isn't allowed to upload to project '{pkg}'.}
]]
""", cmd="twine upload dist/*")
cause("configuration", "maven gradle", "deploy", """
%%HEAD%%
[[
{?[ERROR] Failed to execute goal org.apache.maven.plugins:maven-deploy-plugin:3.1.1:deploy (default-deploy) on project {proj}: Failed to deploy artifacts: Could not transfer artifact {jpkg}:{proj}:jar:{pver} from/to {org}-releases (https://nexus.{org}.io/repository/releases): status code: 401, reason phrase: Unauthorized (401) -> [Help 1]¦> Failed to publish publication 'maven' to repository 'maven'⏎   > Could not PUT 'https://nexus.{org}.io/repository/releases/{jpkg_path}/{proj}/{pver}/{proj}-{pver}.jar'. Received status code 401 from server: Unauthorized}
]]
""", cmd="{?mvn -B deploy -DskipTests¦./gradlew publish --console=plain}")
cause("configuration", "*", "deploy", """
%%HEAD%%
[[
{?@dp Error: Cannot perform an interactive login from a non TTY device¦Error response from daemon: Get "https://{?ghcr.io¦registry.{org}.io}/v2/": unauthorized: authentication required¦An error occurred (NoSuchBucket) when calling the PutObject operation: The specified bucket does not exist¦error: unable to recognize "k8s/{word}.yaml": no matches for kind "Deployment" in version "apps/v1beta1"¦Error: INSTALLATION FAILED: execution error at ({proj}/templates/deployment.yaml:{ln}:{col}): image.tag is required¦Error: Could not find App "{proj}-staging"¦Error: Invalid project selection, please verify project {proj}-prod exists and you have access.¦The config profile ({?@ap prod¦staging}) could not be found}
]]
""", cmd="{?@dp docker login -u $DOCKER_USER --password-stdin¦docker push registry.{org}.io/{proj}:latest¦aws s3 cp dist/ s3://{proj}-artifacts-stg/ --recursive¦kubectl apply -f k8s/¦helm upgrade --install {proj} ./chart¦fly deploy --app {proj}-staging¦firebase deploy --only hosting¦aws --profile {?@ap prod¦staging} s3 sync dist/ s3://{proj}}", w=2)
cause("configuration", "*", "services", """
[[
{?yaml: line {#3-90}: mapping values are not allowed in this context¦services.{svc}.environment must be a mapping¦service "{svc}" refers to undefined volume {word}_data: invalid compose project¦validating {ws}/docker-compose.ci.yml: services.{svc} additional properties '{?enviroment¦port¦healthcheck_}' not allowed}
]]
""", cmd="docker compose -f docker-compose.ci.yml up -d", w=0.7)

# --- infrastructure: the CI machine / network / services failed, not the project
cause("infrastructure", "*", "deploy", """
%%HEAD%%
[[
{?curl: (6) Could not resolve host: {host}¦curl: (28) Failed to connect to {host} port 443 after {#100000-135000} ms: Connection timed out¦curl: (35) OpenSSL SSL_connect: SSL_ERROR_SYSCALL in connection to {host}:443 ¦curl: (52) Empty reply from server¦curl: (22) The requested URL returned error: {?502¦503¦504}}
]]
""", cmd="curl -sSf -X POST https://{host}/{?upload¦api/v1/notify¦hooks/{h12}} --data-binary @{?coverage.xml¦report.json¦build-info.json}", w=1.5)
cause("infrastructure", "*", "deploy", """
%%HEAD%%
[[
{?@net requests.exceptions.ConnectionError: HTTPSConnectionPool(host='{host}', port=443): Max retries exceeded with url: /api/v2/{word} (Caused by NameResolutionError("<urllib3.connection.HTTPSConnection object at 0x7f{h8}>: Failed to resolve '{host}' ([Errno -3] Temporary failure in name resolution)"))¦Error: getaddrinfo ENOTFOUND {host}¦dial tcp: lookup {host} on 127.0.0.53:53: server misbehaving¦ERROR: Error while uploading to https://{host}: 502 Bad Gateway¦java.net.UnknownHostException: {host}: Name or service not known}
]]
""", cmd="{?@net python scripts/publish_report.py¦node scripts/notify.js¦./bin/{word}-uploader --endpoint https://{host}¦./scripts/upload-artifacts.sh¦sonar-scanner}")
cause("infrastructure", "*", "deploy", """
%%HEAD%%
[[
{?@rl API rate limit exceeded for {ip}. (But here's the good news: Authenticated requests get a higher rate limit. Check out the documentation for more details.)¦Error: HttpError: API rate limit exceeded for installation ID {#1000000-9999999}.¦['error'] There was an error running the uploader: Error uploading to https://codecov.io: Error: There was an error fetching the storage URL during POST: 429 - ⦃'detail': ErrorDetail(string='Rate limit reached. Please upload with the Codecov repository upload token to resolve issue. Expected time to availability: {#100-3000}s.', code='throttled')⦄¦ERROR: failed to solve: {?@img node:20-alpine¦python:3.12-slim¦eclipse-temurin:21-jre}: failed to resolve source metadata for docker.io/library/{?@img node:20-alpine¦python:3.12-slim¦eclipse-temurin:21-jre}: 429 Too Many Requests - Server message: toomanyrequests: You have reached your pull rate limit. You may increase the limit by authenticating and upgrading: https://www.docker.com/increase-rate-limit}
]]
""", cmd="{?@rl ./scripts/release-notes.sh¦gh release create v{pver} dist/*¦codecov -f coverage.xml¦docker build -t {org}/{proj}:{hex} .}", w=1.5)
cause("infrastructure", "*", "services", """
[[
{?Error response from daemon: {?Get "https://registry-1.docker.io/v2/": net/http: request canceled while waiting for connection (Client.Timeout exceeded while awaiting headers)¦received unexpected HTTP status: 503 Service Unavailable¦toomanyrequests: You have reached your pull rate limit. You may increase the limit by authenticating and upgrading: https://www.docker.com/increase-rate-limit}¦Error response from daemon: driver failed programming external connectivity on endpoint {proj}-{svc}-1 ({h64}): Bind for 0.0.0.0:{port} failed: port is already allocated¦Error response from daemon: failed to create task for container: failed to create shim task: OCI runtime create failed: runc create failed: unable to start container process: error during container init: {?error setting cgroup config for procHooks process: unable to freeze¦process_linux.go:545: container init caused: read init-p: connection reset by peer}: unknown}
]]
""", cmd="docker compose up -d {svc}", w=1.5)
cause("infrastructure", "*", "test", """
%%HEAD%%
[[
{?Error: connect ECONNREFUSED 172.18.0.{#2-9}:{svcport}¦dial tcp 172.18.0.{#2-9}:{svcport}: connect: connection refused¦ConnectionRefusedError: [Errno 111] Connection refused⏎Could not connect to {svc}:{svcport} after 5 attempts¦java.net.ConnectException: Connection refused⏎	connecting to {svc}:{svcport}¦Errno::ECONNREFUSED: Failed to open TCP connection to {svc}:{svcport} (Connection refused - connect(2) for "{svc}" port {svcport})}
]]
""", fr="gitlab", w=0.5)
cause("infrastructure", "*", "{stepheavy}", """
%%HEAD%%
[[
{?{shprefix}line 1: {#1000-9999} Killed                  {stepcmd}¦Killed¦{oommsg}¦{oommsg}}
]]
""", code=137, w=2)
cause("infrastructure", "*", "{stepheavy}", """
%%HEAD%%
[[
{?{diskmsg}¦{diskmsg}¦write /var/lib/docker/tmp/GetImageBlob{#100000000-999999999}: no space left on device¦tar: {ws}/{word}.tar: Wrote only 4096 of 10240 bytes⏎tar: Error is not recoverable: exiting now}
]]
""", w=2)
cause("infrastructure", "*", "{stepheavy}", """
%%HEAD%%
[[
##[warning]You are running out of disk space. The runner will stop working when the machine runs out of disk space. Free space left: {#0-90} MB
]]
%%GAP%%
##[error]The operation was canceled.
%%NOEXIT%%
""", fr="github")
cause("infrastructure", "*", "{stepheavy}", """
%%HEAD%%
%%GAP%%
[[
{?##[error]The runner has received a shutdown signal. This can happen when the runner service is stopped, or a manually started runner is canceled.¦##[error]The hosted runner: GitHub Actions {#2-99} lost communication with the server. Anything in your workflow that terminates the runner process, starves it for CPU/Memory, or blocks its network access can cause this error.}
]]
##[error]The operation was canceled.
%%NOEXIT%%
%%NOAFTER%%
""", fr="github", w=1.5)
cause("infrastructure", "*", "{stepheavy}", """
%%HEAD%%
%%NOEXIT%%
%%NOAFTER%%
%%END%%
[[
{R}{?ERROR: Job failed (system failure): {?Error response from daemon: No such container: {h64}¦aborted: terminated¦pod "runner-{h8}-project-{#1000-99999}-concurrent-0" status is "Failed"¦prepare environment: waiting for pod running: timed out waiting for pod to start}¦ERROR: Job failed: exit code 137}{X}
]]
""", fr="gitlab", w=1.5)
cause("infrastructure", "*", "{stepheavy}", """
%%HEAD%%
%%GAP%%
[[
{?Cannot contact {agent}: java.lang.InterruptedException¦Agent {agent} was marked offline: Connection was broken: java.nio.channels.ClosedChannelException¦ERROR: Issue with creating launcher for agent {agent}. The agent is being disconnected¦hudson.remoting.ChannelClosedException: Channel "hudson.remoting.Channel@{h8}:{agent}": Remote call on {agent} failed. The channel is closing down or has closed down}
]]
%%NOEXIT%%
""", fr="jenkins", w=1.5)
cause("infrastructure", "*", "{stepheavy}", """
%%HEAD%%
*50-300 {?{spam}¦{spam}¦{spam2}}
[[

The job exceeded the maximum log length, and has been terminated.
]]
%%NOEXIT%%
%%NOAFTER%%
""", fr="travis", w=1.5)
cause("infrastructure", "*", "checkout", """
[[
{?Error: fatal: unable to access 'https://github.com/{org}/{proj}/': {?The requested URL returned error: {?500¦502¦503}¦Could not resolve host: github.com¦Failed to connect to github.com port 443 after {#100000-135000} ms: Couldn't connect to server}⏎The process '/usr/bin/git' failed with exit code 128¦error: RPC failed; curl 92 HTTP/2 stream 5 was not closed cleanly: CANCEL (err 8)⏎error: {#1000-9000} bytes of body are still expected⏎fetch-pack: unexpected disconnect while reading sideband packet⏎fatal: early EOF⏎fatal: fetch-pack: invalid index-pack output⏎The process '/usr/bin/git' failed with exit code 128}
]]
""", fr="github")
cause("infrastructure", "*", "checkout", """
[[
{?fatal: unable to access 'https://gitlab.com/{org}/{proj}.git/': {?Could not resolve host: gitlab.com¦The requested URL returned error: 502¦GnuTLS recv error (-110): The TLS connection was non-properly terminated.}¦error: RPC failed; curl 18 transfer closed with outstanding read data remaining⏎fatal: early EOF⏎fatal: fetch-pack: invalid index-pack output}
]]
""", fr="gitlab")
cause("infrastructure", "*", "checkout", """
[[
ERROR: Error cloning remote repo 'origin'
hudson.plugins.git.GitException: Command "git fetch --tags --force --progress -- https://github.com/{org}/{proj}.git +refs/heads/*:refs/remotes/origin/*" returned status code 128:
stdout: 
stderr: fatal: unable to access 'https://github.com/{org}/{proj}.git/': {?Failed to connect to github.com port 443 after {#100000-135000} ms: Connection timed out¦Could not resolve host: github.com¦The requested URL returned error: 502}
]]

	at org.jenkinsci.plugins.gitclient.CliGitAPIImpl.launchCommandIn(CliGitAPIImpl.java:2846)
	at org.jenkinsci.plugins.gitclient.CliGitAPIImpl.launchCommandWithCredentials(CliGitAPIImpl.java:2185)
""", fr="jenkins")
cause("infrastructure", "*", "checkout", """
[[
{?Cloning into '{org}/{proj}'...⏎warning: Could not find remote branch {word}-{word2} to clone.⏎fatal: Remote branch {word}-{word2} not found in upstream origin¦Cloning into '{org}/{proj}'...⏎error: RPC failed; result=22, HTTP code = 502⏎fatal: The remote end hung up unexpectedly}
]]
""", fr="travis")
cause("infrastructure", "*", "checkout", """
[[
{?fatal: clone of 'https://github.com/{org}/{word}.git' into submodule path '{ws}/vendor/{word}' failed⏎Failed to clone 'vendor/{word}'. Retry scheduled¦fatal: unable to access 'https://github.com/{org}/{word}.git/': Could not resolve host: github.com⏎fatal: clone of 'https://github.com/{org}/{word}.git' into submodule path 'vendor/{word}' failed}
]]
""", w=0.5)

# --- timeout: the whole job / step was stopped for running too long or being silent
cause("timeout", "*", "{stepslow}", """
%%HEAD%%
%%GAP%%

[[
No output has been received in the last {?10m0s¦20m0s¦30m0s}, this potentially indicates a stalled build or something wrong with the build itself.
Check the details on how to adjust your build configuration on: https://docs.travis-ci.com/user/common-build-problems/#build-times-out-because-no-output-was-received
]]

The build has been terminated
%%NOEXIT%%
%%NOAFTER%%
""", fr="travis", w=2)
cause("timeout", "*", "{stepslow}", """
%%HEAD%%
%%GAP%%

[[
The job exceeded the maximum time limit for jobs, and has been terminated.
]]
%%NOEXIT%%
%%NOAFTER%%
""", fr="travis")
cause("timeout", "*", "{stepslow}", """
%%HEAD%%
%%GAP%%
[[
##[error]The job running on runner {runner} has exceeded the maximum execution time of {?360¦60¦30¦120¦45} minutes.
]]
##[error]The operation was canceled.
%%NOEXIT%%
""", fr="github", w=2)
cause("timeout", "*", "{stepslow}", """
%%HEAD%%
%%GAP%%
[[
##[error]The action '{stepname}' has timed out after {#10-90} minutes.
]]
%%NOEXIT%%
""", fr="github")
cause("timeout", "*", "{stepslow}", """
%%HEAD%%
%%GAP%%
%%NOEXIT%%
%%END%%
[[
{?{Y}WARNING: step_script could not run to completion because the timeout was exceeded. For more control over job and script timeouts see: https://docs.gitlab.com/ee/ci/runners/configure_runners.html#set-script-and-after_script-timeouts{X}⏎¦}{R}ERROR: Job failed: execution took longer than {?1h0m0s¦30m0s¦2h0m0s¦3h0m0s¦10m0s} seconds{X}
]]
""", fr="gitlab", w=3)
cause("timeout", "*", "{stepslow}", """
%%HEAD%%
%%GAP%%
[[
Cancelling nested steps due to timeout
Sending interrupt signal to process
]]
{shprefix}line 1: {#1000-9999} Terminated              {stepcmd}
script returned exit code 143
%%NOEXIT%%
%%END%%
Timeout has been exceeded
Finished: ABORTED
""", fr="jenkins")
cause("timeout", "*", "{stepslow}", """
%%HEAD%%
%%GAP%%
Cancelling nested steps due to timeout
Sending interrupt signal to process
{shprefix}line 1: {#1000-9999} Terminated              {stepcmd}
script returned exit code 143
%%NOEXIT%%
%%END%%
[[
Timeout has been exceeded
]]
Finished: ABORTED
""", fr="jenkins")
cause("timeout", "*", "{stepslow}", """
%%HEAD%%
%%GAP%%
[[
Build timed out (after {#10-120} minutes). Marking the build as {?failed¦aborted}.
]]
Build was aborted
%%NOEXIT%%
%%END%%
Finished: {?FAILURE¦ABORTED}
""", fr="jenkins")
cause("timeout", "*", "{stepslow}", """
%%HEAD%%
%%GAP%%
[[
{?ci: '{stepcmd}' killed after {#20-90} minutes (timeout), exit status 124¦timeout: sending signal TERM to command '{steptool}'⏎Job killed after {#20-90} minutes: wall-clock limit reached¦Timeout reached after {#20-90}m0s, killing process group {#1000-9999}}
]]
""", code=124)

# --- other: nothing says clearly why (vague custom scripts, bare non-zero exits)
cause("other", "*", "release", """
%%NOISE%%
[[
{?Error: something went wrong¦✖ Release failed¦[release] FAILED (see above)¦release: step {#2-5}/{#5-6} failed, aborting¦Unexpected error: undefined¦ERROR: unknown error¦error: {word} returned non-zero (1)¦Oops! Something went wrong.¦FAILED}
]]
""", cmd="{?./scripts/release.sh¦node scripts/publish.js¦make release¦python tools/release.py¦./ci/finalize.sh}", w=3)
cause("other", "*", "release", """
%%NOISE%%
[[
+ {?./scripts/{word}.sh¦test -f {word}.done¦[ "$STATUS" = "ok" ]¦grep -q {word} build.log}
+ exit 1
]]
""", cmd="bash -ex ./ci/{word}.sh", w=2)
cause("other", "*", "release", """
%%HEAD%%
[[
thread 'main' panicked at 'called `Result::unwrap()` on an `Err` value: Os { code: {#2-13}, kind: {?NotFound¦PermissionDenied}, message: "{?No such file or directory¦Permission denied}" }', src/{?main¦lib}.rs:{ln}:{col}
note: run with `RUST_BACKTRACE=1` environment variable to display a backtrace
]]
""", cmd="./target/release/{word}-tool --ci", code=101)
cause("other", "*", "release", """
%%NOISE%%
[[
Traceback (most recent call last):
  File "{ws}/tools/{word}.py", line {ln}, in <module>
    main()
  File "{ws}/tools/{word}.py", line {ln2}, in main
    {?raise RuntimeError("unexpected state")¦assert {ident}, "{word}"¦sys.exit(rc)}
{?RuntimeError: unexpected state¦AssertionError: {word}¦SystemExit: 1}
]]
""", cmd="python tools/{word}.py --ci")
cause("other", "*", "{steprun}", """
%%NOISE%%
[[
{?make: *** [Makefile:{ln}: {word}] Error 1¦exit status 1¦Script failed with status 1¦ERROR: step '{word}' failed (exit 1)}
]]
""", w=1.5)
cause("other", "npm/yarn", "{steprun}", """
%%NOISE%%
[[
error Command failed with exit code 1.
]]
info Visit https://yarnpkg.com/en/docs/cli/run for documentation about this command.
""", w=0.5)
cause("other", "npm/pnpm", "{steprun}", """
%%NOISE%%
[[
{R} ELIFECYCLE {X} Command failed with exit code 1.
]]
""", w=0.5)
cause("other", "*", "release", """
%%NOISE%%
[[
{?diff --git a/{src} b/{src}⏎index {hex}..{hex2} 100644⏎--- a/{src}⏎+++ b/{src}⏎@@ -{ln},{#2-6} +{ln},{#2-6} @@⏎-// generated {word}⏎+// generated {word2}¦M {src}⏎M {src2}}
]]
""", cmd="git diff --exit-code", ok="", w=0.7)


# --- a few more causes for ecosystems that had fewer
cause("compilation", "gradle", "test", """
%%HEAD%%
> Task :compileTest{?@gk Java¦Kotlin} FAILED
[[
{?@gk {ws}/{tfile}:{ln}: error: method {fn} in class {Cls} cannot be applied to given types;⏎        {ident}.{fn}("{word}");⏎               ^⏎  required: String,int⏎  found:    String⏎  reason: actual and formal argument lists differ in length⏎1 error¦e: file://{ws}/{tfile}:{ln}:{col} No value passed for parameter '{ident}'}
]]

FAILURE: Build failed with an exception.

* What went wrong:
Execution failed for task ':compileTest{?@gk Java¦Kotlin}'.
> Compilation failed; see the compiler error output for details.
""" + GRADLE_FAIL)
cause("compilation", "go", "build", """
%%HEAD%%
[[
# {gomod}/internal/{word}
/usr/bin/ld: $WORK/b{#100-400}/_x00{#2-4}.o: in function `_cgo_{h12}_Cfunc_{ident}':
/tmp/go-build/cgo-gcc-prolog:{#40-90}: undefined reference to `{ident}'
collect2: error: ld returned 1 exit status
]]
""")
cause("compilation", "dotnet", "build", """
%%HEAD%%
[[
*1-4 {ws}/{~src}({#3-400},{#5-60}): error {?CS8600: Converting null literal or possible null value to non-nullable type.¦CS8602: Dereference of a possibly null reference.¦CS8618: Non-nullable property '{~Cls}' must contain a non-null value when exiting constructor. Consider adding the 'required' modifier or declaring the property as nullable.¦CS4014: Because this call is not awaited, execution of the current method continues before the call is completed.} [{ws}/src/{Proj}/{Proj}.csproj]
]]
""" + DOTNET_FAIL + """
    0 Warning(s)
    {#1-4} Error(s)
""")
cause("test", "cargo", "test", """
%%NOISE%%
   {G}Doc-tests{X} {pkg}

running {#3-20} tests
*2-8 test src/{~word}.rs - {~Cls}::{~fn} (line {#10-300}) ... {G}ok{X}
test src/{word}.rs - {Cls}::{fn} (line {ln}) ... {R}FAILED{X}

failures:

[[
---- src/{word}.rs - {Cls}::{fn} (line {ln}) stdout ----
Test executable failed (exit status: 101).

stderr:
thread 'main' panicked at src/{word}.rs:{#5-30}:5:
assertion `left == right` failed
  left: {val}
 right: {val2}
]]
""" + CARGO_NOTE + """

failures:
    src/{word}.rs - {Cls}::{fn} (line {ln})

test result: {R}FAILED{X}. {#3-20} passed; 1 failed; 0 ignored; 0 measured; 0 filtered out; finished in {#1-9}.{#10-99}s

{R}{B}error{X}{B}: doctest failed, to rerun pass `--doc`{X}
""", code=101)
cause("dependency", "gradle", "install", """
%%HEAD%%

FAILURE: Build failed with an exception.

* Where:
Build file '{ws}/build.gradle{?.kts¦}' line: {#2-12}

* What went wrong:
[[
Plugin [id: '{?com.github.{word}.{word2}¦io.{org}.gradle.{word}}', version: '{ver}'] was not found in any of the following sources:

- Gradle Core Plugins (plugin is not in 'org.gradle' namespace)
- Plugin Repositories (could not resolve plugin artifact '{fakepkg}.gradle.plugin:{ver}')
  Searched in the following repositories:
    Gradle Central Plugin Repository
]]
""" + GRADLE_FAIL)
cause("dependency", "dotnet", "install", """
%%HEAD%%
[[
*1-2 {ws}/src/{Proj}/{Proj}.csproj : error NU190{?3¦4}: Warning As Error: Package '{~dep}' {ver} has a known {?high¦critical} severity vulnerability, https://github.com/advisories/GHSA-{h8}
]]
  Failed to restore {ws}/src/{Proj}/{Proj}.csproj (in {#1-9}.{#10-99} sec).
""")
cause("dependency", "cargo", "build", """
[[
{R}{B}error{X}: the lock file {ws}/Cargo.lock needs to be updated but --locked was passed to prevent this
If you want to try to generate the lock file without accessing the network, remove the --locked flag and use --offline instead.
]]
""")
cause("configuration", "dotnet", "{steprun}", """
[[
The command could not be loaded, possibly because:
  * You intended to execute a .NET application:
      The application '{?build¦test}' does not exist.
  * You intended to execute a .NET SDK command:
      A compatible .NET SDK was not found.

Requested SDK version: {?9.0.1{#10-99}¦8.0.9{#10-99}}
global.json file: {ws}/global.json
]]

Installed SDKs:
{toolver} [/usr/share/dotnet/sdk]
""", code=145)

# ----------------------------------------------------------------------------- setup / extra steps
SETUP = {  # eco: (GitHub action, its inputs, shell command elsewhere, version output)
    "npm": ("actions/setup-node@v4", ["node-version: {major}", "cache: npm"], "node --version && npm --version", ["v{toolver}", "10.{#1-8}.{#0-4}"]),
    "pip": ("actions/setup-python@v5", ["python-version: '{major}'", "cache: pip", "check-latest: false"], "python --version && pip --version",
            ["Python {toolver}", "pip 24.0 from /usr/local/lib/python{major}/site-packages/pip (python {major})"]),
    "maven": ("actions/setup-java@v4", ["distribution: temurin", "java-version: {major}", "cache: maven"], "java -version && mvn -version",
              ["openjdk version \"{toolver}\" 2024-01-16", "OpenJDK Runtime Environment Temurin-{toolver}+7 (build {toolver}+7)",
               "OpenJDK 64-Bit Server VM Temurin-{toolver}+7 (build {toolver}+7, mixed mode, sharing)",
               "Apache Maven 3.9.6 (bc0240f3c744dd6b6ec2920b3cd08dcc295161ae)", "Maven home: /usr/share/apache-maven-3.9.6",
               "Java version: {toolver}, vendor: Eclipse Adoptium, runtime: /usr/lib/jvm/temurin-{major}-jdk-amd64",
               "Default locale: en_US, platform encoding: UTF-8", "OS name: \"linux\", version: \"6.5.0-1016-azure\", arch: \"amd64\", family: \"unix\""]),
    "gradle": ("actions/setup-java@v4", ["distribution: temurin", "java-version: {major}", "cache: gradle"], "java -version",
               ["openjdk version \"{toolver}\" 2024-01-16", "OpenJDK Runtime Environment Temurin-{toolver}+7 (build {toolver}+7)",
                "OpenJDK 64-Bit Server VM Temurin-{toolver}+7 (build {toolver}+7, mixed mode, sharing)"]),
    "dotnet": ("actions/setup-dotnet@v4", ["dotnet-version: {major}.x"], "dotnet --info",
               [".NET SDK:", " Version:           {toolver}", " Commit:            {hex}", " Workload version:  {toolver}-manifests.{h8}", "",
                "Runtime Environment:", " OS Name:     ubuntu", " OS Version:  22.04", " OS Platform: Linux", " RID:         linux-x64",
                " Base Path:   /usr/share/dotnet/sdk/{toolver}/", "", ".NET workloads installed:", "There are no installed workloads to display.", "",
                "Host:", "  Version:      {major}.0.{#1-9}", "  Architecture: x64", "  Commit:       {hex}", "", ".NET SDKs installed:",
                "  {toolver} [/usr/share/dotnet/sdk]", "", ".NET runtimes installed:",
                "  Microsoft.AspNetCore.App {major}.0.{#1-9} [/usr/share/dotnet/shared/Microsoft.AspNetCore.App]",
                "  Microsoft.NETCore.App {major}.0.{#1-9} [/usr/share/dotnet/shared/Microsoft.NETCore.App]", "",
                "Learn more about .NET:", "  https://aka.ms/dotnet/info"]),
    "cargo": ("dtolnay/rust-toolchain@stable", ["toolchain: {toolver}", "components: clippy, rustfmt"], "rustc -Vv && cargo -V",
              ["rustc {toolver} ({hex} 2024-0{#1-9}-{#10-28})", "binary: rustc", "commit-hash: {sha}", "commit-date: 2024-0{#1-9}-{#10-28}",
               "host: x86_64-unknown-linux-gnu", "release: {toolver}", "LLVM version: 17.0.6", "cargo {toolver} ({hex} 2024-0{#1-9}-{#10-28})"]),
    "go": ("actions/setup-go@v5", ["go-version: '{major}'", "cache: true"], "go version && go env",
           ["go version go{toolver} linux/amd64", "GO111MODULE=''", "GOARCH='amd64'", "GOBIN=''", "GOCACHE='/home/runner/.cache/go-build'",
            "GOENV='/home/runner/.config/go/env'", "GOEXE=''", "GOEXPERIMENT=''", "GOFLAGS=''", "GOHOSTARCH='amd64'", "GOHOSTOS='linux'",
            "GOINSECURE=''", "GOMODCACHE='/home/runner/go/pkg/mod'", "GONOPROXY=''", "GONOSUMDB=''", "GOOS='linux'", "GOPATH='/home/runner/go'",
            "GOPRIVATE=''", "GOPROXY='https://proxy.golang.org,direct'", "GOROOT='{gohome}'", "GOSUMDB='sum.golang.org'",
            "GOTMPDIR=''", "GOTOOLCHAIN='auto'", "GOVCS=''", "GOVERSION='go{toolver}'", "GCCGO='gccgo'", "GOAMD64='v1'", "AR='ar'", "CC='gcc'",
            "CXX='g++'", "CGO_ENABLED='1'", "GOMOD='{ws}/go.mod'", "GOWORK=''", "CGO_CFLAGS='-O2 -g'", "CGO_CPPFLAGS=''", "CGO_CXXFLAGS='-O2 -g'",
            "CGO_FFLAGS='-O2 -g'", "CGO_LDFLAGS='-O2 -g'", "PKG_CONFIG='pkg-config'"]),
    "bundler": ("ruby/setup-ruby@v1", ["ruby-version: {toolver}", "bundler-cache: false"], "ruby -v && bundle -v",
                ["ruby {toolver} (2024-01-18 revision {hex}) [x86_64-linux]", "Bundler version 2.5.{#1-9}"]),
    "make": ("", [], "cmake --version && gcc --version",
             ["cmake version 3.28.3", "", "CMake suite maintained and supported by Kitware (kitware.com/cmake).",
              "gcc (Ubuntu {toolver}-1ubuntu1~22.04) {toolver}", "Copyright (C) 2023 Free Software Foundation, Inc.",
              "This is free software; see the source for copying conditions.  There is NO",
              "warranty; not even for MERCHANTABILITY or FITNESS FOR A PARTICULAR PURPOSE."]),
}


def noise_extra(R, rng, kind, k, V):
    """Steps every ecosystem may have: toolchain setup, service containers, deploy and release."""
    b, foot = [], []
    if kind == "setup":
        b = [fill(x, V) for x in SETUP[R.eco][3]]
    elif kind == "services":
        for s in R.services or [V["svc"]]:
            b += [f" {s} Pulling "] + [f" {hexs(rng, 12)} {x}" for x in ("Pulling fs layer", "Waiting", "Downloading", "Verifying Checksum", "Download complete", "Pull complete") for _ in range(rng.randint(1, 3))] + [f" {s} Pulled "]
        b += [f" Network {R.pkg}_default  Creating", f" Network {R.pkg}_default  Created"]
        for s in R.services or [V["svc"]]:
            b += [f" Container {R.pkg}-{s}-1  {x}" for x in ("Creating", "Created", "Starting", "Started")]
    elif kind == "deploy":
        b += ["#0 building with \"default\" instance using docker driver", "", "#1 [internal] load build definition from Dockerfile",
              f"#1 transferring dockerfile: {rng.randint(300, 3000)}B done", "#1 DONE 0.0s"]
        runs = {"npm": "npm ci --omit=dev && npm run build", "pip": "pip install --no-cache-dir -r requirements.txt",
                "maven": "mvn -B -DskipTests package", "gradle": "./gradlew bootJar --no-daemon", "dotnet": "dotnet publish -c Release -o /app",
                "cargo": "cargo build --release --locked", "go": f"CGO_ENABLED=0 go build -o /app ./cmd/{R.proj}",
                "bundler": "bundle install --without development test", "make": "cmake --build build --target install"}[R.eco]
        inner = NOISE[R.eco](R, rng, rng.choice(["install", "build"]), 0.3, V)[0]
        n_steps = rng.randint(4, 9)
        for i in range(2, n_steps + 2):
            cmd = runs if i == n_steps else rng.choice(["apt-get update && apt-get install -y --no-install-recommends ca-certificates", "mkdir -p /app", f"useradd -m {R.pkg}"])
            b += [f"#{i} [{i - 1}/{n_steps}] RUN {cmd}"]
            if i == n_steps:
                t = 0.0
                for ln in inner:
                    t += rng.uniform(0, 0.3)
                    b.append(f"#{i} {t:.3f} {ln}")
            b.append(f"#{i} DONE {rng.uniform(0.1, 60):.1f}s")
        i = n_steps + 1
        foot = [f"#{i + 1} exporting to image", f"#{i + 1} writing image sha256:{hexs(rng, 64)} done", f"#{i + 1} naming to docker.io/{R.org}/{R.proj}:{hexs(rng, 7)} done", f"#{i + 1} DONE 0.4s"]
    elif kind == "release":
        b += [f"Preparing release {R.ver} of {R.proj}", f"Changelog since {ver(rng)}:"]
        b += [f"  - {phrase(rng)} ({hexs(rng, 7)})" for _ in range(nlines(rng, k, 3, 30))]
        b += [f"Packing {R.proj}-{R.ver}.tar.gz ({rng.randint(20, 9000)} kB)", f"sha256 {hexs(rng, 64)}  {R.proj}-{R.ver}.tar.gz"]
        foot = [f"Release {R.ver} published."]
    return b, foot, {}


SPAM = ["{src}:{#1-400}:{#1-60}: warning: '{ident}' is deprecated [-Wdeprecated-declarations]",
        "DEBUG [{#1-16}] {word}.{word2}: cache miss for key={h8}", "WARN  {Cls}: retrying {word} ({#1-5}/5)"]
GEN.update({
    "spam": lambda V: fill(V.rng.choice(SPAM), V), "spam2": lambda V: f"[{V.rng.randint(1, 99999)}] {phrase(V.rng)}",
    "fakepkg_url": lambda V: V.val("fakepkg").replace("/", "%2f"),
    "fakepkg_path": lambda V: V.val("fakepkg").replace(".", "/").replace(":", "/"),
    "fakepkg_art": lambda V: V.val("fakepkg").split(":")[-1],
    "jpkg_path": lambda V: V.R.jpkg.replace(".", "/"),
    "msg": lambda V: f"expected: <{V.val('val')}> but was: <{V.val('val2')}>",
    "tool": lambda V: V.rng.choice({"npm": ["pnpm", "yarn", "nx", "turbo", "playwright"], "pip": ["poetry", "tox", "pipenv", "nox", "hatch"],
                                    "maven": ["mvn", "sonar-scanner", "jq"], "gradle": ["gradle", "sdk", "jq"], "dotnet": ["dotnet-format", "reportgenerator", "nuget"],
                                    "cargo": ["cargo-nextest", "cross", "wasm-pack", "cargo-llvm-cov"], "go": ["golangci-lint", "gotestsum", "goreleaser", "mockgen"],
                                    "bundler": ["bundle", "yarn", "chromedriver"], "make": ["ninja", "clang-format-17", "lcov", "conan"]}[V.R.eco]),
    "script_path": lambda V: V.rng.choice(["./scripts/ci/{word}.sh", "./ci/run-{word}.sh", "./tools/{word}", "scripts/bootstrap.sh", "./build.sh", "./install-{word}.sh"]),
})


# ----------------------------------------------------------------------------- framings
class Log:
    """Collects lines with their times; knows which line range is the reason."""

    def __init__(self, t0, rng):
        self.lines, self.times, self.t, self.rng, self.reason = [], [], t0, rng, None

    def add(self, lines, dur=None):
        if not lines:
            return
        step = (dur / len(lines)) if dur else 0.004
        r, t, out, ts = self.rng.random, self.t, self.lines, self.times
        for ln in lines:
            t += step * (0.2 + 1.6 * r())
            out.append(ln)
            ts.append(t)
        self.t = t

    def add_piece(self, piece, lo, hi):
        """Add piece lines [lo, hi); mark the reason if it falls inside; honour stalls (gaps)."""
        start = len(self.lines)
        i = lo
        for g in sorted(x for x in piece.gaps if lo <= x < hi) + [hi]:
            self.add(piece.lines[i:g], dur=0.02 * (g - i) + 1)
            if g < hi:
                self.t += self.rng.uniform(600, 20000)
            i = g
        rs, re_ = piece.reason
        if lo <= rs and re_ <= hi:
            self.reason = (start + rs - lo, start + re_ - lo)


def gh_stamp(t, cache={}):
    s = int(t)
    base = cache.get(s)
    if base is None:
        if len(cache) > 50000:
            cache.clear()
        base = cache[s] = time.strftime("%Y-%m-%dT%H:%M:%S", time.gmtime(s))
    return f"{base}.{int((t - s) * 1e7):07d}Z "


def jenkins_stamp(t):
    return time.strftime("[%Y-%m-%dT%H:%M:%S", time.gmtime(t)) + f".{int((t % 1) * 1000):03d}Z] "


class Framing:
    name = ""
    exit_code_line = True

    def __init__(self, J, run, fail):
        self.J, self.R, self.run, self.fail = J, J.R, run, fail
        self.rng = random.Random(J.seed * 31 + 7)   # same framing chatter in the failed and the successful run

    def stamp(self, lines, times):
        return lines

    def close_ok(self, L, st):
        pass

    def skipped(self, L, st):
        pass

    # final(L, ok, code, end, stopped): closing lines; end=True when the cause template brings its own last lines,
    # stopped=True when the runner stopped before any after-failure / cache steps (Travis)


class GitHub(Framing):
    name = "github"

    def stamp(self, lines, times):
        return [gh_stamp(t) + ln for ln, t in zip(lines, times)]

    def header(self, L):
        R, r, run = self.R, self.rng, self.run
        L.add([f"Current runner version: '2.3{r.randint(10, 21)}.{r.randint(0, 3)}'"] +
              ([f"Runner name: '{run['runner']}'", "Runner group name: 'GitHub Actions'", f"Machine name: 'fv-az{r.randint(100, 999)}-{r.randint(100, 999)}'",
                "##[group]Operating System", "Ubuntu", "22.04.4", "LTS", "##[endgroup]", "##[group]Runner Image", "Image: ubuntu-22.04",
                f"Version: 2024{r.randint(1, 9):02d}{r.randint(10, 28)}.{r.randint(1, 3)}.0",
                "Included Software: https://github.com/actions/runner-images/blob/ubuntu22/20240310.1/images/ubuntu/Ubuntu2204-Readme.md",
                "Image Release: https://github.com/actions/runner-images/releases/tag/ubuntu22%2F20240310.1", "##[endgroup]",
                "##[group]Runner Image Provisioner", f"2.0.3{r.randint(40, 70)}.1", "##[endgroup]"] if R.hosted else
               [f"Runner name: '{run['runner']}'", "Runner group name: 'self-hosted'", f"Machine name: '{run['runner']}'"]) +
              ["##[group]GITHUB_TOKEN Permissions", "Contents: read", "Metadata: read", "Packages: read", "##[endgroup]", "Secret source: Actions",
               "Prepare workflow directory", "Prepare all required actions", "Getting action download info",
               f"Download action repository 'actions/checkout@v4' (SHA:{hexs(r, 40)})"] +
              ([f"Download action repository '{SETUP[R.eco][0]}' (SHA:{hexs(r, 40)})"] if SETUP[R.eco][0] else []) +
              [f"Download action repository 'actions/cache@v4' (SHA:{hexs(r, 40)})", f"Complete job name: {run['jobname']}"] +
              (["##[warning]Node.js 16 actions are deprecated. Please update the following actions to use Node.js 20: actions/cache@v3. For more information see: https://github.blog/changelog/2023-09-22-github-actions-transitioning-from-node-16-to-node-20/."] if r.random() < .3 else []), dur=2)

    def open(self, L, st):
        if st.uses:
            L.add([f"##[group]Run {st.uses}", "with:"] + [f"  {w}" for w in st.with_] + ["##[endgroup]"])
        else:
            env = ["env:", f"  CI: true"] + ([f"  {self.J.V.val('env')}: ***"] if self.rng.random() < .3 else [])
            L.add([f"##[group]Run {st.cmd.splitlines()[0]}", st.cmd, "shell: /usr/bin/bash -e {0}"] + env + ["##[endgroup]"])

    def checkout(self, L, piece=None):
        R, run = self.R, self.run
        L.add(["##[group]Run actions/checkout@v4", "with:", f"  repository: {R.org}/{R.proj}", "  token: ***", "  ssh-strict: true",
               "  persist-credentials: true", "  clean: true", "  fetch-depth: 1", "  lfs: false", "  submodules: false", "##[endgroup]",
               f"Syncing repository: {R.org}/{R.proj}", "##[group]Getting Git version info", f"Working directory is '{R.ws}'",
               "[command]/usr/bin/git version", "git version 2.43.2", "##[endgroup]",
               f"Temporarily overriding HOME='/home/runner/work/_temp/{run['uuid']}' before making global git config changes",
               "Adding repository directory to the temporary git global config as a safe directory",
               f"[command]/usr/bin/git config --global --add safe.directory {R.ws}", f"Deleting the contents of '{R.ws}'",
               "##[group]Initializing the repository", f"[command]/usr/bin/git init {R.ws}",
               "hint: Using 'master' as the name for the initial branch. This default branch name",
               "hint: is subject to change. To configure the initial branch name to use in all",
               "hint: of your new repositories, which will suppress this warning, call:", "hint: ",
               "hint: \tgit config --global init.defaultBranch <name>", f"Initialized empty Git repository in {R.ws}/.git/",
               f"[command]/usr/bin/git remote add origin https://github.com/{R.org}/{R.proj}", "##[endgroup]",
               "##[group]Disabling automatic garbage collection", "[command]/usr/bin/git config --local gc.auto 0", "##[endgroup]",
               "##[group]Setting up auth", "[command]/usr/bin/git config --local --name-only --get-regexp core\\.sshCommand",
               "[command]/usr/bin/git config --local http.https://github.com/.extraheader AUTHORIZATION: basic ***", "##[endgroup]",
               "##[group]Fetching the repository",
               f"[command]/usr/bin/git -c protocol.version=2 fetch --no-tags --prune --no-recurse-submodules --depth=1 origin +{run['sha']}:refs/remotes/origin/{R.branch}"], dur=3)
        if piece:
            return True
        n = self.rng.randint(200, 9000)
        L.add([f"remote: Enumerating objects: {n}, done.        ", f"remote: Counting objects: 100% ({n}/{n}), done.        ",
               f"remote: Compressing objects: 100% ({n * 3 // 4}/{n * 3 // 4}), done.        ",
               f"remote: Total {n} (delta {n // 9}), reused {n // 2} (delta {n // 20}), pack-reused 0        ",
               f"From https://github.com/{R.org}/{R.proj}", f" * [new ref]         {run['sha']} -> origin/{R.branch}", "##[endgroup]",
               "##[group]Determining the checkout info", "##[endgroup]", "[command]/usr/bin/git sparse-checkout disable",
               "[command]/usr/bin/git config --local --unset-all extensions.worktreeConfig", "##[group]Checking out the ref",
               f"[command]/usr/bin/git checkout --progress --force -B {R.branch} refs/remotes/origin/{R.branch}",
               f"Switched to a new branch '{R.branch}'", f"branch '{R.branch}' set up to track 'origin/{R.branch}'.", "##[endgroup]",
               "[command]/usr/bin/git log -1 --format='%H'", f"'{run['sha']}'"], dur=2)
        L.add(["##[group]Run actions/cache@v4", "with:", f"  path: {CACHE_DIR[R.eco]}", f"  key: Linux-{R.eco}-{hexs(self.rng, 64)}", "##[endgroup]"] +
              (["Cache not found for input keys: Linux-{}-{}".format(R.eco, hexs(self.rng, 64))] if self.rng.random() < .4 else
               [f"Cache Size: ~{self.rng.randint(5, 900)} MB ({self.rng.randint(5000000, 900000000)} B)",
                f"[command]/usr/bin/tar -xf /home/runner/work/_temp/{run['uuid']}/cache.tzst -P -C {R.ws} --use-compress-program unzstd",
                "Cache restored successfully", f"Cache restored from key: Linux-{R.eco}-{hexs(self.rng, 64)}"]), dur=4)

    def step_fail(self, L, st, code):
        L.add([f"##[error]Process completed with exit code {code}."])

    def after(self, L, blocks):
        for cmd, lines in blocks:
            L.add([f"##[group]Run {cmd}", cmd, "shell: /usr/bin/bash -e {0}", "##[endgroup]"])
            L.add(lines, dur=len(lines) * 0.01)

    def final(self, L, ok, code, end=False, stopped=False):
        R, r = self.R, self.rng
        if ok:
            L.add(["Post job cleanup.", f"Cache saved with key: Linux-{R.eco}-{hexs(r, 64)}"])
        L.add(["Post job cleanup.", "[command]/usr/bin/git version", "git version 2.43.2",
               f"Temporarily overriding HOME='/home/runner/work/_temp/{self.run['uuid']}' before making global git config changes",
               "Adding repository directory to the temporary git global config as a safe directory",
               f"[command]/usr/bin/git config --global --add safe.directory {R.ws}",
               "[command]/usr/bin/git config --local --name-only --get-regexp core\\.sshCommand",
               "[command]/usr/bin/git submodule foreach --recursive sh -c \"git config --local --name-only --get-regexp 'core\\.sshCommand' && git config --local --unset-all 'core.sshCommand' || :\"",
               "[command]/usr/bin/git config --local --name-only --get-regexp http\\.https\\:\\/\\/github\\.com\\/\\.extraheader",
               "http.https://github.com/.extraheader", "[command]/usr/bin/git config --local --unset-all http.https://github.com/.extraheader",
               "Cleaning up orphan processes"])


CACHE_DIR = {"npm": "~/.npm", "pip": "~/.cache/pip", "maven": "~/.m2/repository", "gradle": "~/.gradle/caches", "dotnet": "~/.nuget/packages",
             "cargo": "~/.cargo/registry", "go": "~/go/pkg/mod", "bundler": "vendor/bundle", "make": "~/.ccache"}
IMAGES = {"npm": "node:{major}-bullseye", "pip": "python:{major}-slim", "maven": "maven:3.9-eclipse-temurin-{major}", "gradle": "eclipse-temurin:{major}-jdk",
          "dotnet": "mcr.microsoft.com/dotnet/sdk:{major}.0", "cargo": "rust:{toolver}", "go": "golang:{major}", "bundler": "ruby:{toolver}",
          "make": "gcc:{major}"}


def gl_section(t, name, title=None, end=False):
    if end:
        return f"section_end:{int(t)}:{name}\r{ESC}[0K"
    return f"section_start:{int(t)}:{name}\r{ESC}[0K{ESC}[0K{ESC}[36;1m{title}{ESC}[0;m"


class GitLab(Framing):
    name = "gitlab"
    exit_code_line = False

    def header(self, L):
        R, r, run = self.R, self.rng, self.run
        img = fill(IMAGES[R.eco], self.J.V)
        L.add([f"{ESC}[0KRunning with gitlab-runner 16.{r.randint(3, 11)}.{r.randint(0, 2)} ({hexs(r, 8)}){ESC}[0;m",
               f"{ESC}[0K  on {run['runner']} {hexs(r, 8)}, system ID: s_{hexs(r, 12)}{ESC}[0;m",
               gl_section(L.t, "prepare_executor", 'Preparing the "docker" executor'),
               f"{ESC}[0KUsing Docker executor with image {img} ...{ESC}[0;m"] +
              ([f"{ESC}[0KStarting service {s}:latest ...{ESC}[0;m" for s in R.services] +
               [f"{ESC}[0KWaiting for services to be up and running (timeout 30 seconds)...{ESC}[0;m"] +
               ([f"{ESC}[0;33m*** WARNING: Service runner-{hexs(r, 8)}-project-{r.randint(1000, 99999)}-concurrent-0-{hexs(r, 16)}-{R.services[0]}-0 probably didn't start properly.{ESC}[0;m",
                 "", "Health check error:", f"service \"runner-{hexs(r, 8)}-{R.services[0]}-0-wait-for-service\" timeout", ""] if r.random() < .5 else [])
               if R.services else []) +
              [f"{ESC}[0KPulling docker image {img} ...{ESC}[0;m",
               f"{ESC}[0KUsing docker image sha256:{hexs(r, 64)} for {img} with digest {img.split(':')[0]}@sha256:{hexs(r, 64)} ...{ESC}[0;m",
               gl_section(L.t + 9, "prepare_executor", end=True), gl_section(L.t + 9, "prepare_script", "Preparing environment"),
               f"Running on runner-{hexs(r, 8)}-project-{r.randint(1000, 99999)}-concurrent-0 via {run['runner']}...",
               gl_section(L.t + 10, "prepare_script", end=True)], dur=10)

    def checkout(self, L, piece=None):
        R, run = self.R, self.run
        L.add([gl_section(L.t, "get_sources", "Getting source from Git repository"),
               f"{ESC}[32;1mFetching changes with git depth set to 20...{ESC}[0;m", f"Initialized empty Git repository in {R.ws}/.git/",
               f"{ESC}[32;1mCreated fresh repository.{ESC}[0;m"], dur=1)
        if piece:
            return True
        L.add([f"{ESC}[32;1mChecking out {run['sha'][:8]} as detached HEAD (ref is {R.branch})...{ESC}[0;m",
               f"{ESC}[32;1mSkipping Git submodules setup{ESC}[0;m", gl_section(L.t + 2, "get_sources", end=True),
               gl_section(L.t + 2, "restore_cache", "Restoring cache"), f"{ESC}[32;1mChecking cache for {R.branch}-{R.eco}-protected...{ESC}[0;m"] +
              ([f"{ESC}[0;33mWARNING: file does not exist                      {ESC}[0;m ", f"{ESC}[0;33mFailed to extract cache{ESC}[0;m"]
               if self.rng.random() < .4 else
               [f"Downloading cache from https://storage.googleapis.com/gitlab-com-runners-cache/project/{self.rng.randint(1000, 99999)}/{R.branch}-{R.eco}-protected{ESC}[0;m  ETag={hexs(self.rng, 32)}",
                f"{ESC}[32;1mSuccessfully extracted cache{ESC}[0;m"]) +
              [gl_section(L.t + 9, "restore_cache", end=True), gl_section(L.t + 9, "step_script", 'Executing "step_script" stage of the job script'),
               f"{ESC}[0KUsing docker image sha256:{hexs(self.rng, 64)} for {fill(IMAGES[R.eco], self.J.V)} ...{ESC}[0;m"], dur=9)

    def open(self, L, st):
        L.add([f"{ESC}[32;1m$ {st.cmd}{ESC}[0;m"])

    def step_fail(self, L, st, code):
        pass

    closed = False

    def after(self, L, blocks):
        self.closed = True
        L.add([gl_section(L.t, "step_script", end=True), gl_section(L.t, "after_script", "Running after_script"),
               f"{ESC}[32;1mRunning after script...{ESC}[0;m"])
        for cmd, lines in blocks:
            L.add([f"{ESC}[32;1m$ {cmd}{ESC}[0;m"])
            L.add(lines, dur=len(lines) * 0.01)
        L.add([gl_section(L.t, "after_script", end=True)])

    def final(self, L, ok, code, end=False, stopped=False):
        r, R = self.rng, self.R
        if end:        # the cause brings its own "ERROR: Job failed ..." line
            L.add([gl_section(L.t, "cleanup_file_variables", "Cleaning up project directory and file based variables"),
                   gl_section(L.t + 1, "cleanup_file_variables", end=True), ""])
            return
        if ok:
            L.add([gl_section(L.t, "step_script", end=True), gl_section(L.t, "archive_cache", "Saving cache for successful job"),
                   f"{ESC}[32;1mCreating cache {R.branch}-{R.eco}-protected...{ESC}[0;m", f"{CACHE_DIR[R.eco]}: found {r.randint(100, 90000)} matching artifact files and directories{ESC}[0;m",
                   f"Uploading cache.zip to https://storage.googleapis.com/gitlab-com-runners-cache/project/{r.randint(1000, 99999)}/{R.branch}-{R.eco}-protected{ESC}[0;m",
                   f"{ESC}[32;1mCreated cache{ESC}[0;m", gl_section(L.t + 5, "archive_cache", end=True)], dur=5)
        else:
            if not self.closed:
                L.add([gl_section(L.t, "step_script", end=True)])
            L.add([gl_section(L.t, "upload_artifacts_on_failure", "Uploading artifacts for failed job"),
                   f"{ESC}[32;1mUploading artifacts...{ESC}[0;m", f"report.xml: found 1 matching artifact files and directories{ESC}[0;m ",
                   f"Uploading artifacts as \"junit\" to coordinator... 201 Created{ESC}[0;m  id={r.randint(10 ** 9, 10 ** 10)} responseStatus=201 Created token=glcbt-{hexs(r, 8)}",
                   gl_section(L.t + 2, "upload_artifacts_on_failure", end=True)], dur=2)
        L.add([gl_section(L.t, "cleanup_file_variables", "Cleaning up project directory and file based variables"),
               gl_section(L.t + 1, "cleanup_file_variables", end=True), ""])
        L.add([f"{ESC}[32;1mJob succeeded{ESC}[0;m"] if ok else [f"{ESC}[31;1mERROR: Job failed: exit code {code}", f"{ESC}[0;m"])


class Jenkins(Framing):
    name = "jenkins"
    exit_code_line = False
    STAGE = {"setup": "Tools", "services": "Services", "install": "Install", "build": "Build", "lint": "Lint", "test": "Test",
             "deploy": "Deploy", "release": "Release"}

    def stamp(self, lines, times):
        return [jenkins_stamp(t) + ln for ln, t in zip(lines, times)] if self.R.jenkins_ts else lines

    def header(self, L):
        r, R = self.rng, self.R
        L.add([r.choice([f"Started by GitHub push by {r.choice(WORDS)}-dev", "Started by timer", f"Started by user {r.choice(WORDS)}",
                         f"Branch indexing"]),
               f"Obtained Jenkinsfile from git https://github.com/{R.org}/{R.proj}.git"] +
              (["Timeout set to expire in {} min".format(r.choice([30, 45, 60, 90]))] if r.random() < .5 else []) +
              ["[Pipeline] Start of Pipeline", "[Pipeline] node", f"Running on {self.run['runner']} in {R.ws}", "[Pipeline] {"], dur=3)

    def checkout(self, L, piece=None):
        R, run = self.R, self.run
        L.add(["[Pipeline] stage", "[Pipeline] { (Declarative: Checkout SCM)", "[Pipeline] checkout",
               "Selected Git installation does not exist. Using Default", "The recommended git tool is: NONE",
               f"using credential github-{R.org}-ci", f" > git rev-parse --resolve-git-dir {R.ws}/.git # timeout=10",
               "Fetching changes from the remote Git repository", f" > git config remote.origin.url https://github.com/{R.org}/{R.proj}.git # timeout=10",
               f"Fetching upstream changes from https://github.com/{R.org}/{R.proj}.git", " > git --version # timeout=10",
               " > git --version # 'git version 2.39.2'", "using GIT_ASKPASS to set credentials GitHub CI",
               f" > git fetch --tags --force --progress -- https://github.com/{R.org}/{R.proj}.git +refs/heads/*:refs/remotes/origin/* # timeout=10"], dur=4)
        if piece:
            return True
        L.add([f"Checking out Revision {run['sha']} (refs/remotes/origin/{R.branch})", " > git config core.sparsecheckout # timeout=10",
               f" > git checkout -f {run['sha']} # timeout=10", f"Commit message: \"{phrase(self.rng).capitalize()}\"",
               f" > git rev-list --no-walk {hexs(self.rng, 40)} # timeout=10", "[Pipeline] }", "[Pipeline] // stage", "[Pipeline] withEnv",
               "[Pipeline] {"], dur=2)

    def open(self, L, st):
        L.add(["[Pipeline] stage", "[Pipeline] { (%s)" % self.STAGE.get(st.kind, st.kind.title()), "[Pipeline] sh", f"+ {st.cmd}"])

    def close_ok(self, L, st):
        L.add(["[Pipeline] }", "[Pipeline] // stage"])

    def step_fail(self, L, st, code):
        L.add(["[Pipeline] }", "[Pipeline] // stage"])

    def skipped(self, L, st):
        L.add(["[Pipeline] stage", "[Pipeline] { (%s)" % self.STAGE.get(st.kind, st.kind.title()),
               f"Stage \"{self.STAGE.get(st.kind, st.kind.title())}\" skipped due to earlier failure(s)", "[Pipeline] }", "[Pipeline] // stage"])

    def after(self, L, blocks):
        L.add(["[Pipeline] stage", "[Pipeline] { (Declarative: Post Actions)"])
        for cmd, lines in blocks:
            L.add(["[Pipeline] sh", f"+ {cmd}"])
            L.add(lines, dur=len(lines) * 0.01)

    def final(self, L, ok, code, end=False, stopped=False):
        if ok:
            L.add(["[Pipeline] stage", "[Pipeline] { (Declarative: Post Actions)"])
        L.add(["[Pipeline] junit", "Recording test results", "[Checks API] No suitable checks publisher found.", "[Pipeline] archiveArtifacts",
               "Archiving artifacts", "[Pipeline] cleanWs", "[WS-CLEANUP] Deleting project workspace...",
               "[WS-CLEANUP] Deferred wipeout is used...", "[WS-CLEANUP] done", "[Pipeline] }", "[Pipeline] // stage", "[Pipeline] }",
               "[Pipeline] // withEnv", "[Pipeline] }", "[Pipeline] // node", "[Pipeline] End of Pipeline"], dur=3)
        if not end:
            L.add(["Finished: SUCCESS"] if ok else [f"ERROR: script returned exit code {code}", "Finished: FAILURE"])


class Travis(Framing):
    name = "travis"
    exit_code_line = True
    INSTALL_PHASE = ("setup", "services", "install", "checkout")

    def fold(self, name, title=""):
        return f"travis_fold:start:{name}\r{ESC}[0K" + (f"{ESC}[33;1m{title}{ESC}[0m" if title else "")

    def header(self, L):
        r, R = self.rng, self.R
        lang = {"npm": "node_js", "pip": "python", "maven": "java", "gradle": "java", "dotnet": "csharp", "cargo": "rust", "go": "go",
                "bundler": "ruby", "make": "cpp"}[R.eco]
        lines = [self.fold("worker_info", "Worker information"), f"hostname: {hexs(r, 8)}-{hexs(r, 4)}-{hexs(r, 4)}@1.worker-com-{hexs(r, 5)}.prod.travis-ci.com",
                 f"version: v6.2.{r.randint(0, 9)} https://github.com/travis-ci/worker/tree/{hexs(r, 40)}",
                 f"instance: travis-job-{hexs(r, 8)}-{hexs(r, 4)} travis-ci-sardonyx-xenial-1553530528-f909ac5 (via amqp)",
                 f"startup: {r.uniform(4, 9):.8f}s", f"travis_fold:end:worker_info\r{ESC}[0K" + self.fold("system_info", "Build system information"),
                 f"Build language: {lang}", "Build group: stable", "Build dist: xenial", f"Build id: {self.run['jobid']}",
                 f"Job id: {self.run['jobid'] + 1}", "Runtime kernel version: 4.15.0-1028-gcp", f"travis-build version: {hexs(r, 9)}"]
        for tool, out in [("Build image provisioning date and time", ["Tue Mar 26 16:05:30 UTC 2019"]),
                          ("Operating System Details", ["Distributor ID:\tUbuntu", "Description:\tUbuntu 16.04.6 LTS", "Release:\t16.04", "Codename:\txenial"]),
                          ("git version", ["git version 2.21.0"]), ("bash version", ["GNU bash, version 4.3.48(1)-release (x86_64-pc-linux-gnu)"]),
                          ("docker version", ["Client:", " Version:           18.06.0-ce", " API version:       1.38", " Go version:        go1.10.3",
                                              " Git commit:        0ffa825", " Built:             Wed Jul 18 19:11:02 2018", " OS/Arch:           linux/amd64"]),
                          ("clang version", ["clang version 7.0.0 (tags/RELEASE_700/final)", "Target: x86_64-unknown-linux-gnu", "Thread model: posix"]),
                          ("ccache version", ["3.2.4"]), ("cmake version", ["cmake version 3.12.4"]),
                          ("heroku version", ["heroku/7.22.7 linux-x64 node-v11.10.1"]), ("mysql version", ["mysql  Ver 14.14 Distrib 5.7.25, for Linux (x86_64) using  EditLine wrapper"]),
                          ("openssl version", ["OpenSSL 1.0.2g  1 Mar 2016"]), ("postgresql client version", ["psql (PostgreSQL) 10.7 (Ubuntu 10.7-1.pgdg16.04+1)"]),
                          ("Redis version", ["redis-server 5.0.4"]), ("Pre-installed Go versions", ["1.11.1"]),
                          ("mvn version", ["Apache Maven 3.6.0 (97c98ec64a1fdfee7767ce5ffb20918da4f719f3; 2018-10-24T18:41:47Z)"]),
                          ("gradle version", ["Gradle 5.1.1!"]), ("Pre-installed Node.js versions", ["v10.15.3", "v11.0.0", "v6.17.0", "v8.12.0"])]:
            lines += [f"{ESC}[34m{ESC}[1m{tool}{ESC}[0m"] + out
        lines += [f"travis_fold:end:system_info\r{ESC}[0K", ""]
        if r.random() < .5:
            lines += ["W: GPG error: http://dl.google.com/linux/chrome/deb stable Release: The following signatures couldn't be verified because the public key is not available: NO_PUBKEY 78BD65473CB3BD13",
                      "W: The repository 'http://dl.google.com/linux/chrome/deb stable Release' is not signed."]
        L.add(lines, dur=8)

    def checkout(self, L, piece=None):
        R, run, r = self.R, self.run, self.rng
        h = hexs(r, 8)
        L.add([self.fold("git.checkout") + f"travis_time:start:{h}\r{ESC}[0K$ git clone --depth=50 --branch={R.branch} https://github.com/{R.org}/{R.proj}.git {R.org}/{R.proj}"], dur=1)
        if piece:
            return True
        L.add([f"Cloning into '{R.org}/{R.proj}'...", f"remote: Enumerating objects: {r.randint(500, 9000)}, done.",
               f"remote: Total {r.randint(500, 9000)} (delta {r.randint(100, 5000)}), reused {r.randint(100, 5000)} (delta {r.randint(10, 900)}), pack-reused 0",
               f"Receiving objects: 100% ({r.randint(500, 9000)}/{r.randint(500, 9000)}), {r.uniform(1, 40):.2f} MiB | {r.uniform(5, 40):.2f} MiB/s, done.",
               f"Resolving deltas: 100% ({r.randint(100, 5000)}/{r.randint(100, 5000)}), done.",
               self.tend(L, h), f"$ cd {R.org}/{R.proj}", f"$ git checkout -qf {run['sha']}", f"travis_fold:end:git.checkout\r{ESC}[0K", "",
               "Setting environment variables from repository settings", f"$ export {self.J.V.val('env')}=[secure]", ""], dur=3)

    def tend(self, L, h, dur=1.0):
        s = int(L.t * 1e9)
        return f"travis_time:end:{h}:start={s},finish={s + int(dur * 1e9)},duration={int(dur * 1e9)}\r{ESC}[0K"

    def open(self, L, st):
        self.h = hexs(self.rng, 8)
        L.add([f"travis_time:start:{self.h}\r{ESC}[0K$ {st.cmd}"])

    def close_ok(self, L, st):
        L.add([self.tend(L, self.h) + (f"{ESC}[32;1mThe command \"{st.cmd}\" exited with 0.{ESC}[0m" if st.kind not in self.INSTALL_PHASE else ""), ""])

    def step_fail(self, L, st, code):
        if st.kind in self.INSTALL_PHASE:
            L.add([self.tend(L, self.h) + f"{ESC}[31;1mThe command \"{st.cmd}\" failed and exited with {code} during .{ESC}[0m", "", "Your build has been stopped."])
        else:
            L.add([self.tend(L, self.h) + f"{ESC}[31;1mThe command \"{st.cmd}\" exited with {code}.{ESC}[0m", ""])

    def after(self, L, blocks):
        for cmd, lines in blocks:
            h = hexs(self.rng, 8)
            L.add([self.fold("after_failure") + f"travis_time:start:{h}\r{ESC}[0K$ {cmd}"])
            L.add(lines, dur=len(lines) * 0.01)
            L.add([self.tend(L, h), f"travis_fold:end:after_failure\r{ESC}[0K"])

    def final(self, L, ok, code, end=False, stopped=False):
        r, R = self.rng, self.R
        if stopped:
            return
        h = hexs(r, 8)
        L.add(["", self.fold("cache.2") + "store build cache", f"travis_time:start:{h}\r{ESC}[0K", self.tend(L, h) + f"travis_time:start:{hexs(r, 8)}\r{ESC}[0K"])
        if r.random() < .6:
            L.add([f"{ESC}[32;1mchanges detected (content changed, file is created, or file is deleted):{ESC}[0m"] +
                  [f"/home/travis/{CACHE_DIR[R.eco].lstrip('~/')}/{hexs(r, 2)}/{hexs(r, 2)}/{hexs(r, 40)}" for _ in range(r.randint(5, 120))] +
                  ["...", "", f"{ESC}[32;1mchanges detected, packing new archive{ESC}[0m", ".",
                   f"{ESC}[32;1muploading {R.branch}/cache-linux-xenial-{hexs(r, 64)}--{R.eco}.tgz{ESC}[0m", f"{ESC}[32;1mcache uploaded{ESC}[0m"], dur=20)
        else:
            L.add([f"{ESC}[32;1mnothing changed{ESC}[0m"])
        L.add([f"travis_fold:end:cache.2\r{ESC}[0K", "", f"Done. Your build exited with {0 if ok else 1}."])


FRAMING_CLS = {"github": GitHub, "gitlab": GitLab, "jenkins": Jenkins, "travis": Travis}


def after_blocks(R, rng, V, n, t0):
    """20-500 lines of after-failure output: service logs, app logs, diagnostics."""
    blocks, left = [], n
    day = time.strftime("%Y-%m-%d", time.gmtime(t0))
    while left > 0:
        m = min(left, rng.randint(15, 250))
        kind = rng.randrange(4)
        if kind == 0:
            s = (R.services or SERVICES)[0]
            lines = [f"{R.pkg}-{s}-1  | {day} {rng.randint(10, 23)}:{rng.randint(10, 59)}:{rng.randint(10, 59)}.{rng.randint(100, 999)} UTC [{rng.randint(1, 99)}] "
                     + rng.choice(["LOG:  checkpoint starting: time", "LOG:  database system is ready to accept connections",
                                   f"LOG:  checkpoint complete: wrote {rng.randint(1, 90)} buffers", "LOG:  autovacuum launcher started",
                                   f"STATEMENT:  SELECT * FROM {rng.choice(WORDS)}s WHERE id = $1", "LOG:  received fast shutdown request"]) for _ in range(m)]
            blocks.append(("docker compose logs --no-color --tail=500", lines))
        elif kind == 1:
            lines = [f"{day} {rng.randint(10, 23)}:{rng.randint(10, 59)}:{rng.randint(10, 59)},{rng.randint(100, 999)} "
                     + rng.choice(["INFO ", "INFO ", "DEBUG", "WARN "]) + f" [{rng.choice(['main', 'worker-1', 'pool-2-thread-3', 'http-nio-8080-exec-4'])}] "
                     + f"{R.pkg}.{rng.choice(R.mods)} - {rng.choice(VERBS)} {rng.choice(WORDS)} id={rng.randint(1, 99999)} ({rng.randint(1, 900)} ms)" for _ in range(m)]
            blocks.append((f"tail -n {m} logs/{rng.choice(['app', 'test', 'server', 'integration'])}.log", lines))
        elif kind == 2:
            lines = ["Filesystem      Size  Used Avail Use% Mounted on", f"/dev/root        84G   {rng.randint(30, 70)}G   {rng.randint(5, 50)}G  {rng.randint(40, 90)}% /",
                     "tmpfs           7.9G  172K  7.9G   1% /dev/shm", "/dev/sda15      105M  6.1M   99M   6% /boot/efi",
                     "               total        used        free      shared  buff/cache   available",
                     f"Mem:           15990        {rng.randint(2000, 9000)}        {rng.randint(1000, 9000)}          {rng.randint(10, 90)}        {rng.randint(1000, 6000)}       {rng.randint(5000, 12000)}",
                     "Swap:           4095           0        4095"]
            lines += ["CONTAINER ID   IMAGE             COMMAND                  CREATED          STATUS          PORTS                    NAMES"]
            ports = {"postgres": 5432, "redis": 6379, "mysql": 3306, "rabbitmq": 5672, "elasticsearch": 9200, "mongo": 27017, "minio": 9000, "kafka": 9092}
            up = rng.randint(3, 50)
            lines += [f"{hexs(rng, 12)}   {s}:latest   \"docker-entrypoint.s…\"   {up} minutes ago   Up {up} minutes   0.0.0.0:{ports[s]}->{ports[s]}/tcp   {R.pkg}-{s}-1" for s in R.services]
            lines += [f"/dev/sda1 {rng.randint(10, 99)}% {x}" for x in ("/var/lib/docker", "/home/runner", "/tmp")][:max(0, m - len(lines))]
            blocks.append(("df -h && free -m && docker ps -a", lines))
        else:
            lines = [f"-rw-r--r-- 1 runner docker {rng.randint(100, 900000):>8} Mar {rng.randint(10, 28)} {rng.randint(10, 23)}:{rng.randint(10, 59)} {rng.choice(WORDS)}-{hexs(rng, 6)}.{rng.choice(['xml', 'json', 'log', 'txt', 'html'])}" for _ in range(m)]
            blocks.append((f"ls -la {rng.choice(['test-results', 'build/reports', 'target/surefire-reports', 'coverage', 'artifacts'])}", lines))
        left -= m
    return blocks


# ----------------------------------------------------------------------------- jobs
class Step:
    __slots__ = ("kind", "cmd", "body", "ok", "uses", "with_")

    def __init__(self, kind, cmd, body, ok, uses=None, with_=()):
        self.kind, self.cmd, self.body, self.ok, self.uses, self.with_ = kind, cmd, body, ok, uses, with_


STEP_CHOICES = {"{stepany}": ["install", "build", "lint", "test"], "{steprun}": ["build", "lint", "test"],
                "{stepheavy}": ["install", "build", "test", "test"], "{stepslow}": ["test", "test", "build", "install"]}


def stable_hash(s):
    return sum((i + 1) * ord(ch) for i, ch in enumerate(s))


def pm_fail(R, rng, kind, code):
    """What the package manager prints after an npm script fails (differs per npm version / yarn / pnpm)."""
    if R.eco != "npm":
        return ""
    script = kind
    if R.pm == "yarn":
        return f"error Command failed with exit code {code}.\ninfo Visit https://yarnpkg.com/en/docs/cli/run for documentation about this command."
    if R.pm == "pnpm":
        return f" ELIFECYCLE  Command failed with exit code {code}."
    return rng.choice(["", f"npm ERR! code ELIFECYCLE\nnpm ERR! errno {code}\nnpm ERR! {R.proj}@{R.ver} {script}: `{script} script`\nnpm ERR! Exit status {code}\nnpm ERR! \n"
                           f"npm ERR! Failed at the {R.proj}@{R.ver} {script} script.\nnpm ERR! This is probably not a problem with npm. There is likely additional logging output above.",
                       f"npm ERR! Lifecycle script `{script}` failed with error: \nnpm ERR! Error: command failed \nnpm ERR!   in workspace: {R.proj}@{R.ver} \nnpm ERR!   at location: {R.ws} "])


class Job:
    """One failed run (and its successful twin) of one repo, failing for one cause."""

    def __init__(self, R, cause, seed):
        self.R, self.cause, self.seed = R, cause, seed
        rng = self.rng = random.Random(seed)
        self.fail_kind = fk = rng.choice(STEP_CHOICES[cause.step]) if cause.step in STEP_CHOICES else cause.step
        kinds = ["setup", "install", "build", "test", "lint"] if R.lint_last else ["setup", "install", "build", "lint", "test"]
        if R.services or fk == "services":
            kinds.insert(1, "services")
        if fk in ("deploy", "release"):
            kinds.append(fk)
        tf = rng.choice(R.tfiles)
        rr = random.Random(seed ^ 0x5BD1E995)   # run-specific ids (differ between the failed and the successful run)
        self.runs = {True: self._run(rr), False: self._run(rr)}
        self.runs[False]["t0"] = self.runs[True]["t0"] - rr.uniform(3600, 20 * 86400)
        self.runs[False]["jobname"] = self.runs[True]["jobname"]
        fr = self.runs[True]
        fixed = dict(org=R.org, proj=R.proj, pkg=R.pkg, ws=R.ws, branch=R.branch, gomod=R.gomod, jpkg=R.jpkg, Proj=R.Proj, pver=R.ver,
                     toolver=R.toolver, major=R.major, pyhome=R.toolhome, gohome=R.toolhome, rubyhome=R.toolhome,
                     npmerr=rng.choice(["npm ERR!", "npm ERR!", "npm error"]), tfile=tf.path, tsuite=tf.suite, tcase=tf.cases[0],
                     tfile_mod=tf.path.rsplit(".", 1)[0].replace("/", "."), tdir=tf.path.rsplit("/", 1)[0], tcls_short=tf.suite.split(".")[-1], tsuite_r=tf.suite,
                     runner=fr["runner"], agent=fr["runner"], day=time.strftime("%Y-%m-%d", time.gmtime(fr["t0"])),
                     shprefix={"github": f"/home/runner/work/_temp/{fr['uuid']}.sh: line {rng.randint(1, 4)}: ",
                               "gitlab": f"/usr/bin/bash: line {rng.randint(120, 190)}: ",
                               "jenkins": f"{R.ws}@tmp/durable-{hexs(rng, 8)}/script.sh.copy: ",
                               "travis": f"/home/travis/.travis/functions: line {rng.randint(100, 120)}: "}[R.framing], **cols(R))
        self.V = V = Vars(rng, R, fixed)
        V.val("env"), V.val("svc")                   # used by the framing too: fix them before rendering
        cmds = dict(R.cmds, setup=SETUP[R.eco][2], services="docker compose up -d " + " ".join(R.services or [V.val("svc")]),
                    deploy=f"docker build -t {R.org}/{R.proj}:latest .", release="./scripts/release.sh")
        V["stepcmd"] = cmds[fk] if fk in cmds else ""
        V["steptool"] = V["stepcmd"].split()[0] if V["stepcmd"] else "bash"
        if cause.cmd:
            cmds[fk] = fill(cause.cmd, V)
        V["stepname"] = "Run " + cmds.get(fk, "").split("\n")[0]
        # noise for every step first, so the successful twin (same seed) gets exactly the same lines
        self.steps, facts = [], {}
        warn_at = {w: ["install", "build", "test"][stable_hash(w) % 3] for w in R.warnings}
        for kind in kinds:
            gen = NOISE[R.eco] if kind in ("install", "build", "lint", "test") else noise_extra
            body, foot, f = gen(R, rng, kind, R.scale * rng.uniform(0.5, 2.0), V)
            facts.update(f)
            for w, at in warn_at.items():
                if at == kind:
                    pos = rng.randint(0, len(body))
                    body[pos:pos] = fill(w, V).split("\n")
            uses = SETUP[R.eco][0] if kind == "setup" and R.framing == "github" and SETUP[R.eco][0] else None
            if kind == fk and cause.cmd:
                uses = None
            self.steps.append(Step(kind, cmds[kind], body, foot, uses, [fill(x, V) for x in SETUP[R.eco][1]] if uses else ()))
            if uses:   # what the setup action prints instead of version commands
                self.steps[-1].body = [f"Found in cache @ /opt/hostedtoolcache/{R.eco}/{R.toolver}/x64"] if rng.random() < .5 else \
                    [f"Attempting to download {V['major']}...", f"Acquiring {R.toolver} - x64 from https://github.com/actions/{R.eco}-versions/releases/download/{R.toolver}-{rng.randint(10 ** 9, 10 ** 10)}/{R.eco}-{R.toolver}-linux-x64.tar.gz",
                     "Extracting ...", f"[command]/usr/bin/tar xz --strip 1 --warning=no-unknown-keyword --overwrite -C /home/runner/work/_temp/{fr['uuid']} -f /home/runner/work/_temp/{hexs(rng, 8)}",
                     "Adding to the cache ...", "##[group]Environment details"] + body + ["##[endgroup]"]
        passed = facts.get("passed", rng.randint(40, 400))
        failed = rng.randint(1, 4)
        V.update(passed=str(passed), failed=str(failed), total=str(passed + failed), suites=str(facts.get("suites", rng.randint(5, 40))),
                 passed5=f"{passed:5d}", failed5=f"{failed:5d}", total5=f"{passed + failed:5d}")
        V["total_suites"] = str(int(V["suites"]) + 1)
        V["pmfail"] = pm_fail(R, rng, fk, cause.code)
        st = next(s for s in self.steps if s.kind == fk) if fk != "checkout" else None
        uses_body = "%%NOISE%%" in cause.text or "%%HEAD%%" in cause.text
        if st is not None:
            ok = fill(cause.ok, V).split("\n") if cause.ok else ([] if cause.ok == "" else st.ok)
            if not uses_body and cause.cmd:   # the overriding tool prints its own output, not the step's default noise
                st.body = []
            st.ok = ok if cause.cmd else st.ok
        self.piece = expand(cause.text, V, st.body if st else [])
        n_after = 0 if rng.random() < .35 else int(2.718281828 ** rng.uniform(3.0, 6.2))
        self.after = after_blocks(R, rng, V, n_after, self.runs[True]["t0"]) if n_after else []

    def _run(self, rr):
        R = self.R
        runner = {"github": f"GitHub Actions {rr.randint(2, 99)}" if R.hosted else f"ci-{R.org}-{rr.randint(1, 12):02d}",
                  "gitlab": rr.choice([f"docker-runner-{rr.randint(1, 9)}", "saas-linux-small-amd64", f"{R.org}-k8s-runner-{hexs(rr, 5)}"]),
                  "jenkins": f"agent-linux-{rr.randint(1, 30):02d}", "travis": "travis"}[R.framing]
        return dict(sha=hexs(rr, 40), uuid=f"{hexs(rr, 8)}-{hexs(rr, 4)}-{hexs(rr, 4)}-{hexs(rr, 4)}-{hexs(rr, 12)}", runner=runner,
                    jobid=rr.randint(10 ** 8, 10 ** 9), jobname=rr.choice(["build", "test", "ci", f"build ({R.toolver})", "lint-and-test", "check"]),
                    t0=rr.uniform(1.70e9, 1.79e9))


def render(J, fail):
    """Text of the failed (fail=True) or successful run, and the reason (failed run only)."""
    R, piece, code = J.R, J.piece, J.cause.code
    run = J.runs[fail]
    F = FRAMING_CLS[R.framing](J, run, fail)
    L = Log(run["t0"], random.Random(J.seed * 7 + fail))
    F.header(L)
    fk = J.fail_kind if fail else None
    end = piece.end if piece.end is not None else len(piece.lines)
    stopped = False
    if fk == "checkout":
        F.checkout(L, piece)
        L.add_piece(piece, 0, end)
        if R.framing == "travis":
            L.add([f"{ESC}[31;1mThe command \"eval git clone --depth=50 --branch={R.branch} https://github.com/{R.org}/{R.proj}.git {R.org}/{R.proj} \" failed 3 times.{ESC}[0m", "",
                   F.tend(L, hexs(F.rng, 8)) + f"{ESC}[31;1mFailed to clone from GitHub.{ESC}[0m"])
            stopped = True
        elif R.framing == "jenkins":
            L.add(["[Pipeline] }", "[Pipeline] // stage"])
        elif R.framing == "gitlab":
            L.add([gl_section(L.t, "get_sources", end=True)])
    else:
        F.checkout(L)
        failed_at = None
        for i, st in enumerate(J.steps):
            if failed_at is not None:
                if R.framing == "travis" and st.kind in ("build", "lint", "test") and not stopped and not piece.noexit:
                    pass                          # Travis keeps running the remaining script commands
                elif R.framing == "jenkins" and not piece.noexit:
                    F.skipped(L, st)
                    continue
                else:
                    continue
            F.open(L, st)
            if st.kind == fk:
                L.add_piece(piece, 0, end)
                if not piece.noexit and not (R.framing == "github" and st.uses):
                    F.step_fail(L, st, code)
                failed_at = i
                stopped = R.framing == "travis" and (st.kind in Travis.INSTALL_PHASE or piece.noafter)
            else:
                L.add(st.body, dur=len(st.body) * J.rng.uniform(0.003, 0.05) + 1)
                L.add(st.ok)
                F.close_ok(L, st)
    if fail:
        if not piece.noafter and not stopped and fk != "checkout" and J.after:
            F.after(L, J.after)
        if not (R.framing == "github" and piece.noafter):
            F.final(L, False, code, end=piece.end is not None, stopped=stopped)
        if piece.end is not None:
            L.add_piece(piece, end, len(piece.lines))
    else:
        F.final(L, True, 0)
    lines = F.stamp(L.lines, L.times)
    text = "\n".join(lines) + "\n"
    if not fail:
        return text, None
    rs, re_ = L.reason
    while rs < re_ and not L.lines[rs].strip():     # a reason is whole, non-blank lines at both ends
        rs += 1
    while re_ > rs and not L.lines[re_ - 1].strip():
        re_ -= 1
    reason = "\n".join(lines[rs:re_])
    offset = sum(len(x) + 1 for x in lines[:rs])
    assert reason and "\r" not in reason, (J.cause.text[:60], reason[:80])
    assert text.find(reason) == offset, "reason also occurs earlier in the log"
    return text, reason


# ----------------------------------------------------------------------------- main
def make_repos(rng):
    repos = []
    for eco in ECOS:
        n = rng.randint(8, 12)
        frs = (FRAMINGS * 3)[:n]          # every ecosystem gets every framing at least twice
        pms = (PM_VARIANTS[eco] * 12)[:n]  # ... and every package-manager variant
        rng.shuffle(frs)
        rng.shuffle(pms)
        repos += [Repo(rng, eco, i + 1, frs[i], pms[i]) for i in range(n)]
    return repos


def matches(c, R):
    eco_ok = c.ecos == "*" or R.eco in c.ecos or f"{R.eco}/{R.pm}" in c.ecos or f"{R.eco}/{R.language.lower()}" in c.ecos
    return eco_ok and (c.framings == "*" or R.framing in c.framings)


def main(argv=None):
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--out", default="ml/build/synthetic")
    ap.add_argument("--per-class", type=int, default=150)
    ap.add_argument("--seed", type=int, default=7)
    ap.add_argument("--success-rate", type=float, default=0.4, help="share of logs that get a successful twin")
    a = ap.parse_args(argv)
    t_start = time.time()
    rng = random.Random(a.seed)
    repos = make_repos(rng)
    by_eco = {e: [r for r in repos if r.eco == e] for e in ECOS}
    plan = []
    for label in LABELS:
        ecos = [list(ECOS)[(i + LABELS.index(label)) % len(ECOS)] for i in range(a.per_class)]
        rng.shuffle(ecos)
        for eco in ecos:
            R = rng.choice(by_eco[eco])
            cands = [c for c in CAUSES if c.label == label and matches(c, R)]
            c = rng.choices(cands, weights=[x.w for x in cands])[0]
            plan.append((label, R, c, rng.getrandbits(40), rng.random() < a.success_rate))
    rng.shuffle(plan)                    # ids must not encode the label
    os.makedirs(os.path.join(a.out, "logs"), exist_ok=True)
    rows, table, n_lines = [], Counter(), 0
    for i, (label, R, c, seed, want_ok) in enumerate(plan, 1):
        sid = f"syn-{i:06d}"
        for attempt in range(6):         # a rare collision (reason text also earlier in the log) -> next seed
            try:
                J = Job(R, c, seed + attempt)
                text, reason = render(J, True)
                break
            except AssertionError:
                if attempt == 5:
                    raise
        n_lines += text.count("\n")
        with open(os.path.join(a.out, "logs", sid + ".log.gz"), "wb") as f:
            f.write(gzip.compress(text.encode("utf-8"), compresslevel=5, mtime=0))
        ok_path = None
        if want_ok:
            ok_text, _ = render(J, False)
            ok_path = f"logs/{sid}.success.log.gz"
            with open(os.path.join(a.out, ok_path), "wb") as f:
                f.write(gzip.compress(ok_text.encode("utf-8"), compresslevel=5, mtime=0))
        rows.append({"id": sid, "repo": R.name, "language": R.language, "label": label, "sure": True, "log": f"logs/{sid}.log.gz",
                     "reason": reason, "success_log": ok_path, "source": "synthetic", "ecosystem": R.eco, "framing": R.framing})
        table[(label, R.eco)] += 1
    with open(os.path.join(a.out, "labels.jsonl"), "w", encoding="utf-8") as f:
        for r in rows:
            f.write(json.dumps(r, ensure_ascii=False) + "\n")
    # summary: label x ecosystem
    ecos = list(ECOS)
    print(f"{'label':15s}" + "".join(f"{e:>8s}" for e in ecos) + f"{'total':>8s}")
    for lb in LABELS:
        print(f"{lb:15s}" + "".join(f"{table[(lb, e)]:8d}" for e in ecos) + f"{sum(table[(lb, e)] for e in ecos):8d}")
    print(f"{'total':15s}" + "".join(f"{sum(table[(lb, e)] for lb in LABELS):8d}" for e in ecos) + f"{len(rows):8d}")
    fr = Counter(r["framing"] for r in rows)
    print(f"framings: {dict(sorted(fr.items()))}; repos: {len(repos)}; with success twin: {sum(1 for r in rows if r['success_log'])}; "
          f"lines: {n_lines} (avg {n_lines // max(1, len(rows))}/log); {time.time() - t_start:.1f}s -> {a.out}")


if __name__ == "__main__":
    main()
