"""The regex baseline: a failure-cause knowledge base in the style of Jenkins' Build Failure Analyzer.

BFA keeps a list of named "failure causes", each with one or more "indications" (a regex matched
against the lines of the build log) and a category. Here the knowledge base is an ORDERED list,
most specific causes first; the first cause with a matching line names the category of the log,
and a log no cause matches is "other".

The knowledge base was written from general knowledge of CI tool output (Travis CI, GitHub
Actions, GitLab CI, Jenkins; npm, pip, bundler, maven, gradle, cargo, go, dotnet, ...), against
the taxonomy in TAXONOMY.md. It was NOT tuned against the labelled logs it is evaluated on, so it
stands for what a team's hand-written rule base would give on projects it has not seen.
"""

from __future__ import annotations

import gzip
import re
from dataclasses import dataclass
from pathlib import Path

from . import CLASSES

# Patterns never span lines: no DOTALL, and [ \t] instead of \s.
_KB = [
    # ---- timeout: the whole job stopped for time or silence --------------------------------------
    ("Travis: no output for N minutes", "timeout", [r"No output has been received in the last \d+m"]),
    ("Job exceeded the maximum time limit", "timeout", [
        r"exceeded the maximum (?:time limit|execution time)",
        r"Job failed: execution took longer than",
        r"Build timed out \(after \d+ minutes\)",
        r"The operation was canceled\.?$",
        r"has timed out after \d+ minutes"]),
    ("timeout(1) killed the build script (exit 124)", "timeout", [r"The command \"[^\n]*\" exited with 124\."]),

    # ---- infrastructure: runner, VM, network, external services --------------------------------
    ("Log length limit", "infrastructure", [r"exceeded the maximum log length"]),
    ("Out of disk", "infrastructure", [r"No space left on device", r"There is not enough space on the disk", r"disk quota exceeded"]),
    ("Out of memory / killed", "infrastructure", [
        r"OOMKilled", r"Out of memory: Kill(?:ed)? process", r"Cannot allocate memory", r"java\.lang\.OutOfMemoryError",
        r"JavaScript heap out of memory", r"virtual memory exhausted", r"^Killed$", r"exited with (?:code )?137\b"]),
    ("Git clone / checkout failed", "infrastructure", [
        r"fatal: Remote branch [^\n]* not found in upstream", r"Could not find remote branch",
        r"fatal: unable to access '", r"fatal: could not read (?:Username|from remote repository)",
        r"error: RPC failed", r"fatal: early EOF", r"fatal: reference is not a tree",
        r"The command \"git (?:clone|fetch|checkout)[^\n]*\" failed"]),
    ("Runner / container platform error", "infrastructure", [
        r"Cannot connect to the Docker daemon", r"Error response from daemon", r"toomanyrequests",
        r"The runner has received a shutdown signal", r"lost communication with the server",
        r"Job failed \(system failure\)", r"ERROR: Preparation failed", r"The hosted runner encountered an error",
        r"An error occurred while (?:provisioning|starting) (?:the )?(?:VM|instance)", r"worker (?:lost|died|stalled)",
        r"Agent went offline", r"java\.io\.IOException: (?:remote file operation failed|Backing channel)"]),
    ("Rate limited by an external service", "infrastructure", [
        r"API rate limit exceeded", r"rate limit(?:ed| exceeded)", r"HTTP (?:Error )?429", r"Too Many Requests"]),
    ("DNS / network failure", "infrastructure", [
        r"Could not resolve host", r"Temporary failure in name resolution", r"Name or service not known",
        r"getaddrinfo (?:ENOTFOUND|EAI_AGAIN)", r"Network is unreachable", r"No route to host",
        r"SSL_connect returned=|SSL: CERTIFICATE_VERIFY_FAILED|TLS handshake timeout",
        r"(?:502 Bad Gateway|503 Service Unavailable|504 Gateway Time-?out)"]),

    # ---- dependency: fetching / resolving / installing packages and toolchains ------------------
    ("npm / yarn package not found or unresolvable", "dependency", [
        r"npm ERR! (?:code )?(?:E404|ETARGET|ERESOLVE|ENOVERSIONS|EINTEGRITY|ECONNRESET|ETIMEDOUT|ENOTFOUND)",
        r"npm ERR! 404", r"No matching version found for", r"Unable to resolve dependency tree",
        r"npm ERR! peer dep missing", r"npm ERR! Failed at the [^\n]* (?:install|postinstall|preinstall) script",
        r"error Couldn't find (?:any versions for|package|a package\.json)", r"error An unexpected error occurred: \"https?://",
        r"YN0001|YN0035"]),
    ("pip / conda could not install", "dependency", [
        r"Could not find a version that satisfies the requirement", r"No matching distribution found for",
        r"ERROR: Could not install packages", r"ResolutionImpossible", r"Failed building wheel for",
        r"Command \"python setup\.py egg_info\" failed", r"PackagesNotFoundError", r"UnsatisfiableError",
        r"ResolvePackageNotFound", r"CondaHTTPError", r"pip\._vendor\.[^\n]*(?:Error|Exception)",
        r"ERROR: Cannot install [^\n]* because these package versions have conflicting dependencies"]),
    ("gem / bundler could not install", "dependency", [
        r"Could not find gem '", r"Bundler could not find compatible versions", r"and Bundler cannot continue",
        r"Gem::Ext::BuildError", r"Gem::MissingSpecError", r"Bundler::GemNotFound", r"in any of the (?:gem )?sources",
        r"Gem::RemoteFetcher::FetchError", r"Your bundle is locked to", r"ERROR:  Error installing"]),
    ("maven / gradle / sbt / ivy resolution", "dependency", [
        r"Could not resolve dependencies for project", r"Could not resolve all (?:dependencies|files|artifacts) for",
        r"Could not find artifact", r"Could not transfer artifact", r"Failed to collect dependencies",
        r"Non-resolvable parent POM", r"unresolved dependency:", r"sbt\.(?:librarymanagement\.)?ResolveException",
        r"Could not (?:find|resolve) [\w.\-]+:[\w.\-]+:[\w.\-]+", r"Plugin [^\n]* could not be resolved"]),
    ("cargo / go / composer / nuget resolution", "dependency", [
        r"failed to select a version for", r"no matching package named", r"error: failed to (?:fetch|download|get|load source for)",
        r"cannot find package \"[^\n]*\" in any of", r"go: [^\n]*: (?:unknown revision|invalid version|reading [^\n]*: 40[34])",
        r"verifying [^\n]*: checksum mismatch", r"missing go\.sum entry", r"module [^\n]* found, but does not contain package",
        r"Your requirements could not be resolved to an installable set of packages",
        r"The requested package [^\n]* (?:could not be found|exists as)", r"error NU1\d{3}", r"Unable to find package",
        r"Failed to restore", r"dotnet restore[^\n]*failed"]),
    ("System packages (apt / brew / choco)", "dependency", [
        r"E: Unable to locate package", r"E: Package '[^\n]*' has no installation candidate", r"E: Failed to fetch",
        r"Unable to fetch some archives", r"dpkg: error processing", r"E: Sub-process /usr/bin/dpkg returned an error",
        r"Error: No (?:available formula|formulae found)", r"Error: [^\n]*: no bottle available",
        r"The following packages have unmet dependencies", r"Hash Sum mismatch"]),
    ("Native libraries / SDKs / language packages missing", "dependency", [
        r"Could NOT find [\w:]+ \(missing:", r"Could not find a package configuration file provided by",
        r"error while loading shared libraries", r"Package required but not available", r"there is no package called",
        r"ERROR: dependenc(?:y|ies) [^\n]* (?:is|are) not available", r"cabal: Could not resolve dependencies",
        r"Could not resolve dependencies:", r"Failed to download [^\n]*archive", r"SHA-?256 mismatch",
        r"checksum (?:mismatch|did not match)", r"Unable to download (?:the )?(?:JDK|SDK|toolchain)",
        r"rustup: (?:could not download|toolchain [^\n]* not installed)"]),

    # ---- compilation: the project's own code does not compile / type-check / link --------------
    ("C / C++ / ObjC compiler or linker error", "compilation", [
        r"^[^ \t\n][^\n]*\.(?:c|cc|cpp|cxx|h|hpp|m|mm):\d+(?::\d+)?: (?:fatal )?error:",
        r"undefined reference to", r"ld: symbol\(s\) not found", r"collect2: error: ld returned", r"linker command failed",
        r"ld: cannot find -l", r"fatal error: [^\n]*: No such file or directory"]),
    ("C# / .NET compiler error", "compilation", [r"error CS\d{4}", r"error BC\d{5}", r"error FS\d{4}"]),
    ("Rust compiler error", "compilation", [r"error\[E\d{4}\]", r"error: could not compile", r"error: aborting due to"]),
    ("Java / Kotlin / Scala compiler error", "compilation", [
        r"^\[ERROR\] [^\n]*\.java:\[\d+,\d+\]", r"\.java:\d+: error:", r"COMPILATION ERROR", r"Compilation failure", r"error: cannot find symbol",
        r"error: package [\w.]+ does not exist", r"Execution failed for task '[^\n]*:compile[^\n]*'",
        r"^e: [^\n]*\.kts?: ", r"\[error\] [^\n]*\.scala:\d+(?::\d+)?:", r"Compilation failed", r"compileJava FAILED"]),
    ("Go build error", "compilation", [r"\[build failed\]", r"\.go:\d+:\d+: (?:undefined|cannot use|syntax error|imported and not used)",
                                       r"\.go:\d+(?::\d+)?: [^\n]*redeclared"]),
    ("TypeScript / JS transpile error", "compilation", [r"error TS\d{4}", r"Unable to compile TypeScript", r"TSError",
                                                          r"Module build failed", r"Failed to compile\."]),
    ("Swift / Xcode build error", "compilation", [r"\.swift:\d+:\d+: error:", r"\*\* (?:BUILD|ARCHIVE) FAILED \*\*",
                                                   r"❌ +[^\n]*\.(?:swift|m|h|mm):\d+:\d+"]),
    ("Haskell / Erlang / Elixir / PureScript compile error", "compilation", [
        r"\.hs:\d+:\d+: error", r"\.erl:\d+(?::\d+)?: (?!Warning)", r"== Compilation error", r"\(CompileError\)",
        r"Error found:", r"\.purs:\d+:\d+"]),
    ("Syntax error", "compilation", [r"SyntaxError:", r"IndentationError:", r"syntax error, unexpected", r"ParseError:",
                                     r"Parse error: syntax error"]),
    ("LaTeX error", "compilation", [r"^! LaTeX Error", r"^! Undefined control sequence", r"There were undefined references"]),
    ("Generic compiler error", "compilation", [r"^[^ \t\n][^\n]*:\d+:\d+: (?:fatal )?error:", r"error: [^\n]*\bcompil(?:e|ation) (?:error|failed)"]),

    # ---- lint: style / format / static analysis / docs / link checks ---------------------------
    ("Lint / format step failed (CI command)", "lint", [
        r"The command \"[^\n]*\b(?:lint|eslint|tslint|jshint|jscs|standard|stylelint|prettier|rubocop|flake8|pylint|"
        r"pycodestyle|pep8|pydocstyle|black|isort|mypy|gofmt|golint|golangci-lint|go vet|shellcheck|clang-format|"
        r"clang-tidy|cpplint|checkstyle|ktlint|swiftlint|markdownlint|remark|mdl|awesome_bot|awesome-lint|htmlproofer|"
        r"codespell|misspell|perlcritic|scalastyle|scalafmt|spotless|detekt|hadolint|yamllint|lintr|check-format|"
        r"format-check|fmt)\b[^\n]*\" exited with [1-9]"]),
    ("Linter report", "lint", [
        r"\d+ files? inspected, [1-9]\d* offenses? detected", r"^Offenses:$",
        r"✖ \d+ problems? \(\d+ errors?", r"^[ \t]+\d+:\d+[ \t]+error[ \t]", r"\d+:\d+ +error +[^\n]+ +[\w@/-]+$",
        r"^[^ \t\n]+\.py:\d+:\d+: [EWFCN]\d{3} ", r"Your code has been rated at", r"^[^ \t\n]+\.py:\d+:\d+: [CRWEF]\d{4}",
        r"would reformat ", r"files? would be reformatted", r"would be left unchanged", r"Code style issues found",
        r"\(prettier/prettier\)", r"SC\d{4}", r"\[checkstyle\]", r"reported by Checkstyle", r"Checkstyle violations",
        r": \d+: MD\d{3}/", r"MD\d{3}/[\w-]+", r"See page \d+ of PBP", r"^ERROR: [^\n]*\.tsx?\[\d+, \d+\]:",
        r"Issues :-\(", r"dead links? found", r"HTML-Proofer found", r"\d+ failures? found", r"misspell",
        r"clang-format", r"not (?:properly )?formatted", r"gofmt", r"golint", r"go vet", r"ktlint", r"swiftlint",
        r"Lint(?:ing)? (?:errors|failed|found)", r"lint (?:errors|failed)", r"Please run [^\n]*(?:format|fmt|lint)",
        r"undocumented", r"awesome_bot", r"awesome-lint"]),

    # ---- test: the suite ran and tests failed ------------------------------------------------
    ("Test runner summary with failures", "test", [
        r"Tests run: \d+, Failures: [1-9]", r"Tests run: \d+, Failures: \d+, Errors: [1-9]", r"There (?:was|were) \d+ failures?:",
        r"^FAILURES!", r"\d+ examples?, [1-9]\d* failures?", r"^Failed examples:", r"=+ [^\n]*\b\d+ failed\b",
        r"^FAILED [^\n]*::", r"--- FAIL:", r"^FAIL\t", r"^ +\d+ failing$", r"Tests: +[^\n]*\d+ failed", r"test result: FAILED",
        r"\d+ tests?, \d+ assertions?, [1-9]\d* (?:failures?|errors?)", r"\d+ tests?, [1-9]\d* failures?",
        r"\d+ runs?, \d+ assertions?, [1-9]\d* failures?", r"Failed \d+/\d+ test", r"Dubious, test returned",
        r"^Result: FAIL", r"\[  FAILED  \]", r"\*\*\* FAILED \*\*\*", r"\*\* TEST FAILED \*\*",
        r"Test Suite '[^\n]*' failed", r"Executed \d+ tests?, with [1-9]\d* failures?", r"Running the tests in [^\n]* failed",
        r"Tests failed", r"tests? failed", r"There were test failures", r"> There were failing tests",
        r"Failures: [1-9]\d*", r"Failed: [1-9]\d*,", r"Tests Passed: \d+, Failed: [1-9]", r"^ERROR: test_"]),
    ("Assertion / test failure", "test", [
        r"AssertionError", r"AssertionFailedError", r"Assertion failed", r"XCTAssert\w* failed", r"Expected [^\n]*(?:but|got|to)",
        r"expected: [^\n]*\n[^\n]*(?:got|actual|but)", r"Failure/Error:", r"panicked at", r"ComparisonFailure",
        r"AddressSanitizer|ThreadSanitizer|UndefinedBehaviorSanitizer|LeakSanitizer", r"Segmentation fault",
        r"The command \"[^\n]*\b(?:test|tests|spec|rspec|pytest|py\.test|jest|mocha|karma|phpunit|ctest|prove|tox|"
        r"nosetests|check|ava|tap|jasmine|cucumber|behat|minitest|testthat|xctest)\b[^\n]*\" exited with [1-9]"]),

    # ---- configuration: the job's own script / settings are wrong --------------------------
    ("Command not found", "configuration", [r"command not found", r"is not recognized as an internal or external command",
                                            r"The program '[^\n]*' is currently not installed", r"exited with 127\."]),
    ("Build script misconfigured", "configuration", [
        r"No Rakefile found", r"npm ERR! missing script:", r"make: \*\*\* No rule to make target",
        r"flag provided but not defined", r"(?:unknown|unrecognized|invalid) (?:option|flag|argument)",
        r"Unable to find a destination matching", r"Build input file cannot be found", r"unbound variable",
        r"error: pathspec '[^\n]*' did not match", r"Invalid (?:workflow|\.travis\.yml|configuration)",
        r"(?:missing|undefined) (?:required )?(?:environment )?variable", r"secret[^\n]* (?:not set|missing|not found)",
        r"Permission denied", r"ENOENT", r"No such file or directory", r"does not exist", r"Cannot find module",
        r"No module named", r"cannot open file"]),

    # ---- weak, generic signals last -----------------------------------------------------------
    ("Network error (generic)", "infrastructure", [r"Connection (?:reset|refused|timed out)", r"ECONNRESET|ECONNREFUSED|ETIMEDOUT"]),
    ("Test step failed (generic)", "test", [r"\bFAIL(?:ED)?\b"]),
    ("Compile step failed (generic)", "compilation", [r"\berror:"]),
]


@dataclass(frozen=True)
class Cause:
    name: str
    category: str
    regex: re.Pattern


KNOWLEDGE_BASE = [Cause(n, c, re.compile("|".join(f"(?:{p})" for p in ps), re.M)) for n, c, ps in _KB]
for _c in KNOWLEDGE_BASE:
    assert _c.category in CLASSES, _c

_ECHO = re.compile(r"^\$ [^\n]*$", re.M)
_ANSI = re.compile(r"\x1b\[[0-9;?]*[ -/]*[@-~]|\x1b\][^\x07\n]*\x07|\x1b[=>()][0-9A-Za-z]?")


def read_log(path: Path) -> str:
    raw = gzip.open(path, "rb").read() if str(path).endswith(".gz") else Path(path).read_bytes()
    text = raw.decode("utf-8", errors="replace")
    text = _ANSI.sub("", text)
    text = text.replace("\r\n", "\n").replace("\r", "\n")
    # Indications are written against the output of the build, not against the echo of the commands it runs.
    return _ECHO.sub("", text)


def classify_text(text: str):
    """(class index, cause name or None, matched line or None): the first cause of the knowledge base that matches."""
    for cause in KNOWLEDGE_BASE:
        m = cause.regex.search(text)
        if m:
            start = text.rfind("\n", 0, m.start()) + 1
            end = text.find("\n", m.end())
            return CLASSES.index(cause.category), cause.name, text[start:end if end >= 0 else None][:200]
    return CLASSES.index("other"), None, None


def classify_source(source) -> tuple:
    """Predicted class index and matching cause for every document of a source (reads the raw logs)."""
    root = source.root
    preds, causes = [], []
    for d in source.docs:
        p = Path(d["log"])
        if not p.is_absolute():
            p = root / p
        c, name, _ = classify_text(read_log(p))
        preds.append(c)
        causes.append(name)
    import numpy as np
    return np.array(preds, dtype=np.int64), causes
