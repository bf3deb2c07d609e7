using Faultline.Application.Classification.Features;

namespace Faultline.Application.Tests.Classification;

public sealed class FailingStepTests
{
    [Fact]
    public void Travis_the_command_echo_to_its_exit_report()
    {
        var log = Log(
            "$ bundle install",
            "Bundle complete!",
            "The command \"bundle install\" exited with 0.",
            "\u001b[0Ktravis_time:start:1\r\u001b[0K$ bundle exec rubocop",
            "Inspecting 120 files",
            "app/models/user.rb:3:1: C: Style/Documentation: Missing top-level class documentation comment.",
            "120 files inspected, 1 offense detected",
            "travis_time:end:1\r\u001b[0K\u001b[31;1mThe command \"bundle exec rubocop\" exited with 1.\u001b[0m",
            "Done. Your build exited with 1.");

        var step = Find(log, 1)!;

        Assert.Equal((4, 8), (step.Start, step.End));
        Assert.Equal("bundle exec rubocop", step.Command);
        Assert.Equal(1, step.ExitCode);
    }

    [Fact]
    public void Travis_a_multi_line_command_ends_on_a_later_line()
    {
        var log = Log("$ script/test", "  2 failing", "The command \"script/lint && script/test", "\" exited with 2.");

        var step = Find(log, 10)!;

        Assert.Equal((10, 12, 2), (step.Start, step.End, step.ExitCode!.Value));
    }

    [Fact]
    public void GitHub_Actions_the_run_group_to_process_completed_with_timestamps()
    {
        var log = Log(
            "2024-05-01T10:00:00.1000000Z ##[group]Run npm ci",
            "2024-05-01T10:00:09.0000000Z added 812 packages",
            "2024-05-01T10:00:10.0000000Z ##[group]Run npm test",
            "2024-05-01T10:00:10.1000000Z ##[endgroup]",
            "2024-05-01T10:00:20.0000000Z FAIL src/cart.test.ts",
            "2024-05-01T10:00:21.0000000Z Tests: 1 failed, 41 passed, 42 total",
            "2024-05-01T10:00:21.5000000Z ##[error]Process completed with exit code 1.",
            "2024-05-01T10:00:22.0000000Z Post job cleanup.");

        var step = Find(log, 1)!;

        Assert.Equal((3, 7), (step.Start, step.End));
        Assert.Equal("npm test", step.Command);
        Assert.Equal(1, step.ExitCode);
    }

    [Fact]
    public void GitLab_the_last_command_echo_before_the_job_failure()
    {
        var log = Log(
            "section_start:1714557600:step_script\r\u001b[0KExecuting \"step_script\" stage of the job script",
            "$ pip install -r requirements.txt",
            "Successfully installed requests-2.31.0",
            "$ pytest -q",
            "FAILED tests/test_api.py::test_login - assert 401 == 200",
            "1 failed, 12 passed in 0.52s",
            "section_end:1714557660:step_script\r\u001b[0K",
            "ERROR: Job failed: exit code 1");

        var step = Find(log, 1)!;

        Assert.Equal((4, 8), (step.Start, step.End));
        Assert.Equal("pytest -q", step.Command);
        Assert.Equal(1, step.ExitCode);
    }

    [Fact]
    public void Jenkins_the_shell_trace_to_script_returned_exit_code_with_timestamper()
    {
        var log = Log(
            "[2024-05-01T10:00:00.000Z] [Pipeline] stage",
            "[2024-05-01T10:00:00.100Z] [Pipeline] { (Build)",
            "[2024-05-01T10:00:00.200Z] [Pipeline] sh",
            "[2024-05-01T10:00:00.300Z] + mvn -B verify",
            "[2024-05-01T10:01:00.000Z] [ERROR] COMPILATION ERROR :",
            "[2024-05-01T10:01:00.100Z] [ERROR] /src/App.java:[12,5] cannot find symbol",
            "[2024-05-01T10:01:01.000Z] [Pipeline] }",
            "[2024-05-01T10:01:01.100Z] ERROR: script returned exit code 1",
            "[2024-05-01T10:01:01.200Z] Finished: FAILURE");

        var step = Find(log, 1)!;

        Assert.Equal((4, 8), (step.Start, step.End));
        Assert.Equal("mvn -B verify", step.Command);
        Assert.Equal(1, step.ExitCode);
    }

    [Fact]
    public void No_framing_or_only_successful_commands_give_no_step()
    {
        Assert.Null(Find(Log("compiling", "error: something broke"), 1));
        Assert.Null(Find(Log("$ make", "ok", "The command \"make\" exited with 0."), 1));
    }

    [Fact]
    public void The_featurizer_marks_the_failing_step_on_the_prepared_log()
    {
        var prepared = LogFeaturizer.Prepare(string.Join('\n', "$ npm ci", "ok", "$ npm run lint", "src/a.ts:1:1 error no-unused-vars",
            "The command \"npm run lint\" exited with 1."));

        Assert.Equal((3, 5), (prepared.Step!.Start, prepared.Step.End));
    }

    [Fact]
    public void A_step_without_a_start_reaches_back_at_most_MaxLines()
    {
        // 100,000 lines of output and no command echo: the search back (and the step) stop at MaxLines.
        var lines = Enumerable.Repeat("output", 100_000).Append("The command \"make\" exited with 2.").ToList();

        var step = Find(lines, 1)!;

        Assert.Equal((100_001 - FailingStep.MaxLines, 100_001), (step.Start, step.End));
    }

    // As the featurizer searches: visible lines, looked at only where a framing marker is.
    private static FailingStep? Find(List<string> lines, int firstLineNumber) =>
        FailingStep.Find(i => lines[i], i => FailingStep.MayFrame(lines[i]), lines.Count, firstLineNumber);

    // Lines as the featurizer sees them: visible text (after the last carriage return, without ANSI codes).
    private static List<string> Log(params string[] lines) => [.. lines.Select(l => LogLines.Visible(l))];
}
