using System.Buffers;
using System.Text.RegularExpressions;
using Faultline.Domain;
using Faultline.Domain.Classification;

namespace Faultline.Application.Classification.Features;

/// <summary>
/// A small knowledge base of what each kind of failure prints (in the spirit of Jenkins' Build
/// Failure Analyzer), used as features: the model learns how far to trust each signal and how to
/// weigh it against the words around it, instead of the first matching rule deciding.
/// </summary>
public static partial class FailureSignals
{
    public static readonly IReadOnlyList<string> Classes = [.. EnumCode.All<FailureCategory>()];

    /// <summary>Per class: how many focus lines show its signal, how close to the end the last one is, and how many inside the failing step.</summary>
    public const int Count = 24;

    private static readonly Regex[] ByClass =
    [
        Compilation(), Test(), Lint(), Dependency(), Configuration(), Infrastructure(), Timeout(), Other(),
    ];

    // Per class, literals of which every match of its pattern contains at least one (case-insensitively): at least one
    // per alternative of the pattern. A line without any of them cannot match, so its regex is not run; most lines hold
    // none, and one vectorised search is cheaper than a regex. The rule holds for ASCII lines (where ignoring case means
    // the same to both); other lines always go to the regex. Few, short-listed literals keep the search fast (dozens of
    // them, or two-character ones, cost as much as the pattern): so lint, whose pattern names dozens of tools and
    // codes like "W503", has none and always runs. FailureSignalsTests check the shortcut changes no signal.
    private static readonly SearchValues<string>?[] Required =
    [
        Literals("error", "undefined", "linker command failed", "ld returned", "cannot find symbol", "compil", "syntax",
            "does not exist in the current context", "module build failed", "build failed", "cannot use "),
        Literals(" passed", "fail", "example", "assert", "expected", "expect(", "panicked at", "segmentation fault", "dubious",
            "error: ", "not ok ", "did not equal", "coverage ", ") "),
        null,
        Literals("npm err", "match", "could not", "failed", "gem::", "bundler::", "resolution", "conflict", "unable to", "go.sum",
            "unknown revision", "nu1", "candidate", "unmet", "not found", "couldn't find", "unexpected error", "your lock", "lockfile",
            "solverproblem", "pip.", "bundle install", "non-resolvable", "cargo", "cannot find", "does not contain", "brew", "denied",
            "manifest", "daemon", "requires ", "module", "importerror", "loaderror", "go: "),
        Literals("command not found", "no such file or directory", "not recognized as an internal or external command", "unknown ",
            "unrecognized ", "invalid ", "yaml", "is not set", "environment variable ", "missing ", "permission denied",
            "unable to access jarfile", "does not exist", "cannot ", "exec format error", "script returned exit code", "deploy",
            "skipping a deployment", "config"),
        Literals("no space left", "memory", "killed", "137", "resol", "unreachable", "connection ", "econnreset", "etimedout",
            "handshake", "gateway", "unavailable", "rate limit", "many requests", "daemon", "lost communication", "shutdown signal",
            "system failure", "maximum log length", "unable to access", "early eof", "rpc failed", "remote repository",
            "failed to start", "unhealthy"),
        Literals("no output has been received in the last", "exceeded the maximum", "execution took longer than",
            "timeout has been exceeded", "build timed out", "timed out after", "the operation was canceled", "cancel",
            "exited with 124", "terminated "),
        Literals("something went wrong", "unknown error", "unexpected error", "error: ", "exit"),
    ];

    private static SearchValues<string> Literals(params string[] literals) => SearchValues.Create(literals, StringComparison.OrdinalIgnoreCase);

    /// <summary>Which classes' signals the line (its visible text) shows: bit c for class c.</summary>
    public static byte Match(string text)
    {
        var span = text.AsSpan();
        var ascii = System.Text.Ascii.IsValid(span);
        byte mask = 0;
        for (var c = 0; c < ByClass.Length; c++)
        {
            ScanCounter.Add(text.Length + 1);
            if (ascii && Required[c] is { } required && !span.ContainsAny(required)) continue;
            if (ByClass[c].IsMatch(text)) mask |= (byte)(1 << c);
        }

        return mask;
    }

    /// <summary>What <see cref="Match"/> answers, with every pattern run on the line: the reference the literals must agree with.</summary>
    internal static byte MatchEveryPattern(string text)
    {
        byte mask = 0;
        for (var c = 0; c < ByClass.Length; c++)
        {
            if (ByClass[c].IsMatch(text)) mask |= (byte)(1 << c);
        }

        return mask;
    }

    /// <summary>Adds one line's signals (from <see cref="Match"/>) to <paramref name="features"/>.</summary>
    public static void Add(byte mask, int fromEnd, bool inFailingStep, Span<float> features)
    {
        for (var c = 0; mask != 0 && c < ByClass.Length; c++)
        {
            if ((mask & (1 << c)) == 0) continue;
            features[c] += 1;
            features[ByClass.Length + c] = Math.Max(features[ByClass.Length + c], 1f / (1 + (fromEnd / 50f)));
            if (inFailingStep) features[(2 * ByClass.Length) + c] += 1;
        }
    }

    /// <summary>Counts become log-scaled so one noisy signal repeated 500 times does not drown the others.</summary>
    public static void Finish(Span<float> features)
    {
        for (var c = 0; c < ByClass.Length; c++)
        {
            features[c] = MathF.Log(1 + features[c]);
            features[(2 * ByClass.Length) + c] = MathF.Log(1 + features[(2 * ByClass.Length) + c]);
        }
    }

    // Linear in the line's length whatever it holds (with backtracking, ".*" took seconds on one long line);
    // so the characters counted into ScanCounter bound the matching work.
    private const RegexOptions Options = RegexOptions.IgnoreCase | RegexOptions.CultureInvariant | RegexOptions.NonBacktracking;

    [GeneratedRegex(
        @"error (?:CS|BC|FS|TS)\d{4}|error\[E\d{4}\]|error: could not compile|\.(?:c|cc|cpp|h|hpp|m|swift|go|java" +
        @"|kt|scala|rs|hs):\d+(?::\d+)?:? (?:fatal )?error|undefined reference to|linker command failed|ld returned" +
        @"|cannot find symbol|COMPILATION ERROR|Compilation failure|compile(?:Java|Kotlin|TestJava)? FAILED" +
        @"|SyntaxError:|syntax error|does not exist in the current context|Module build failed|Failed to compile" +
        @"|\*\* BUILD FAILED \*\*|cannot use .* as .* value|undefined: \w+",
        Options)]
    private static partial Regex Compilation();

    [GeneratedRegex(
        @"\b\d+ (?:failed|failures?|errors?)\b.*\b\d+ passed|Tests? (?:run|failed):.*Failures: [1-9]" +
        @"|FAILED \(failures=|\d+ examples?, [1-9]\d* failures?|^\s*FAIL\b|--- FAIL:|AssertionError" +
        @"|assert(?:ion)? failed|Expected: .*|expect\(.*\)\.to|XCTAssert\w* failed|There (?:was|were) \d+ failures?" +
        @"|Tests failed|test(?:s)? failed|failing tests?|panicked at|Segmentation fault|\b\d+ failing\b" +
        @"|Tests: +\d+ failed|Test Suites: +\d+ failed|FAILURES!|Tests run: \d+, Failures: [1-9]|test result: FAILED" +
        @"|^\s*FAILED .*::|=+ \d+ failed|\*\*\* FAILED \*\*\*|Failed tests?:|Dubious, test returned|Failed \d+/\d+ (?:test|subtest)" +
        @"|Result: FAIL|ERROR: .*Test|Executed \d+ of \d+ .*\(\d+ FAILED\)|\bnot ok \d+|Test Failed|assertion|" +
        @"expected .* (?:but|to) (?:got|was|equal|be)|did not equal|coverage .* (?:below" +
        @"|threshold|minimum)|^\s*\d+\) .*(?:test|spec|should)",
        Options)]
    private static partial Regex Test();

    [GeneratedRegex(
        @"rubocop|offen[cs]es? detected|eslint|prettier|flake8|pylint|pycodestyle|black\b.*reformat|would reformat" +
        @"|checkstyle|clippy|gofmt|go vet|golangci|shellcheck|markdownlint|stylelint|clang-format|ktlint|swiftlint" +
        @"|tslint|\b[EWCF]\d{3}\b .*|lint(?:ing|er)? (?:errors?|failed|issues?)|style (?:check|violations?)" +
        @"|not formatted|spell(?:ing|check)|broken links?|dead link|standardrb|rubocop.*offenses?|\d+ (?:problems?|offenses?|" +
        @"warnings?) \(\d+ errors?|✖ \d+ problems?|mypy|isort|yapf|autopep8|ruff|bandit|scalafmt|scalastyle|spotless|" +
        @"detekt|PMD|SpotBugs|FindBugs|cpplint|clang-tidy|cppcheck|phpcs|php-cs-fixer|PHP_CodeSniffer|phpstan|psalm|" +
        @"htmlhint|jshint|jscs|\bxo\b|standard:|commitlint|editorconfig|license header|header check|trailing whitespace|" +
        @"files? would be reformatted|Code style issues|formatting (?:issues|errors|check)|Diff in .*(?:at line|\.rs)|" +
        @"\berror\s+\S+\s+@typescript-eslint|\b(?:warning|error)\s+.*\s+(?:no-|prefer-|react/|import/)\S+$",
        Options)]
    private static partial Regex Lint();

    [GeneratedRegex(
        @"npm ERR! (?:code )?(?:E404|ETARGET|ERESOLVE|EINTEGRITY)|No matching (?:version|distribution) found" +
        @"|Could not find a version that satisfies|Could not resolve dependencies" +
        @"|Could not resolve all (?:dependencies|files)|Could not (?:find|transfer) artifact" +
        @"|failed to select a version|no matching package named|Could not find gem|Bundler could not find" +
        @"|Gem::Ext::BuildError|Failed building wheel|ResolutionImpossible|conflicting dependencies" +
        @"|unable to resolve dependency|checksum mismatch|missing go\.sum entry|unknown revision|error NU1\d{3}" +
        @"|Unable to locate package|E: Failed to fetch|has no installation candidate|unmet dependencies" +
        @"|dependency resolution|version conflict|Package .* not found|pip install.*failed|failed to (?:download" +
        @"|fetch) .*(?:package|crate|module|dependency)|npm ERR! (?:404|notarget|peer dep|code E(?:NOTFOUND|AI_AGAIN))" +
        @"|Couldn't find any versions for|error An unexpected error occurred: .*(?:registry|tarball)|Your lock ?file" +
        @"|lockfile (?:needs to be updated|is out of date)|SolverProblemError|Because .* depends on .* version solving failed" +
        @"|No matching distribution|pip\._internal|Could not find gem|Gem::(?:MissingSpec|LoadError|ConflictError)" +
        @"|Bundler::(?:GemNotFound|VersionConflict)|bundle install.*(?:failed|error)|Could not fetch specs" +
        @"|Failed to (?:execute goal|collect dependencies)|Non-resolvable (?:parent POM|import POM)" +
        @"|Could not GET '|Could not download .*\.(?:jar|pom)|Unable to find package|NU1(?:101|102|103|107|605)" +
        @"|failed to (?:select|load|download) (?:a version|source|package)|no matching versions? for|cargo.*(?:failed to" +
        @" (?:select|fetch))|go: .*(?:unknown revision|invalid version|missing go\.sum|cannot find module)" +
        @"|cannot find package .* in any of|module .* found, but does not contain package|E: Unable to (?:locate|fetch)" +
        @"|Hash Sum mismatch|The following packages have unmet dependencies|brew.*(?:No available formula|Error: .*formula)" +
        @"|pull access denied|manifest (?:for .* )?(?:unknown|not found)|Error response from daemon: .*(?:not found|manifest)" +
        @"|requires .* but .* is (?:installed|incompatible)|ModuleNotFoundError|Cannot find module '|No module named" +
        @"|ImportError: cannot import name|LoadError: cannot load such file|Could not find artifact",
        Options)]
    private static partial Regex Dependency();

    [GeneratedRegex(
        @"command not found|No such file or directory|not recognized as an internal or external command" +
        @"|Unknown (?:option|argument|flag)|unrecognized (?:option|arguments?)|invalid (?:workflow|configuration" +
        @"|yaml|option)|yaml.*(?:error|invalid)|is not set|environment variable .* (?:not set|missing|required)" +
        @"|missing (?:required )?(?:secret|token|credentials?)|permission denied|Unable to access jarfile" +
        @"|does not exist\b.*(?:path|directory|file)|cannot (?:stat|open|access)|exec format error" +
        @"|script returned exit code|deploy(?:ment)? failed|Skipping a deployment|config(?:uration)? error",
        Options)]
    private static partial Regex Configuration();

    [GeneratedRegex(
        @"No space left on device|Out of memory|OOMKilled|Cannot allocate memory|heap out of memory" +
        @"|exit(?:ed with)? (?:code )?137\b|^Killed$|Could not resolve host|Temporary failure in name resolution" +
        @"|Network is unreachable|Connection (?:reset|refused|timed out)|ECONNRESET|ETIMEDOUT|TLS handshake" +
        @"|50[234] (?:Bad Gateway|Service Unavailable|Gateway)|rate limit|Too Many Requests" +
        @"|Cannot connect to the Docker daemon|Error response from daemon|lost communication with the server" +
        @"|runner has received a shutdown signal|system failure|exceeded the maximum log length" +
        @"|fatal: unable to access|early EOF|RPC failed|Could not read from remote repository" +
        @"|service .* (?:failed to start|unhealthy)",
        Options)]
    private static partial Regex Infrastructure();

    [GeneratedRegex(
        @"No output has been received in the last|exceeded the maximum (?:time|execution time)" +
        @"|execution took longer than|Timeout has been exceeded|Build timed out|timed out after \d+" +
        @"|The operation was canceled|job .* (?:cancelled|canceled) .* time|exited with 124|terminated (?:after" +
        @"|due to) .*time",
        Options)]
    private static partial Regex Timeout();

    [GeneratedRegex(
        @"something went wrong|unknown error|unexpected error|Error: [A-Za-z ]{3,40}$|exit(?:ed)? (?:with )?(?:code" +
        @"|status) 1\b",
        Options)]
    private static partial Regex Other();
}
