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

Cause templates (CAUSES, read from the data files in ml/templates/; their record format is described
above load_causes) are small text blocks:
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
import shlex
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
# The templates are data (ml/templates/*.txt, read in file-name order, which is the order random choices see):
#   @cause LABEL ecos=… step=… [fr=…] [cmd=…] [code=N] [w=…]   then the template text
#   @ok                                                     then what the overriding command prints when it succeeds
#   @snippet NAME                                           a block that templates include as %%INCLUDE NAME%%
#   @# …                                                    a comment
# A record's text runs to the next "@" line; the one blank line before it only separates records.
Cause = namedtuple("Cause", "label ecos framings step text cmd code ok w")
TEMPLATES = os.path.join(os.path.dirname(os.path.abspath(__file__)), "templates")


def template_records(path):
    """(header words, text) for each record of a template file."""
    records = []
    with open(path, encoding="utf-8") as f:
        text = f.read()
    for line in text.removesuffix("\n").split("\n"):
        if line.startswith("@#"):
            continue
        if line.startswith("@"):
            records.append((shlex.split(line[1:]), []))
        else:
            assert records or not line, f"{path}: text before the first record"
            if records:
                records[-1][1].append(line)
    return [(head, "\n".join(body[:-1] if body and body[-1] == "" else body)) for head, body in records]


def load_causes(folder=TEMPLATES):
    files = sorted(f for f in os.listdir(folder) if f.endswith(".txt"))
    snippets = {head[1]: text for f in files for head, text in template_records(os.path.join(folder, f)) if head[0] == "snippet"}
    causes = []
    for f in files:
        for head, text in template_records(os.path.join(folder, f)):
            if head[0] == "ok":
                causes[-1] = causes[-1]._replace(ok=text)
            elif head[0] == "cause":
                for name, snippet in snippets.items():
                    text = text.replace(f"%%INCLUDE {name}%%", snippet)
                assert "%%INCLUDE" not in text, f"{f}: unknown snippet in {text[:80]}"
                kw = dict(w.split("=", 1) for w in head[2:])
                assert set(kw) <= {"ecos", "fr", "step", "cmd", "code", "w"}, f"{f}: {head}"
                ecos, fr = kw.get("ecos", "*"), kw.get("fr", "*")
                causes.append(Cause(head[1], "*" if ecos == "*" else ecos.split(), "*" if fr == "*" else fr.split(), kw["step"], text,
                                    kw.get("cmd"), int(kw.get("code", 1)), None, float(kw.get("w", 1.0))))
    return causes


CAUSES = load_causes()


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
