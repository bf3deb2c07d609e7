using Faultline.Domain;
using Faultline.Domain.Classification;

namespace Faultline.Domain.Tests;

public sealed class ModelAssignmentTests
{
    [Fact]
    public void Without_a_challenger_every_job_gets_the_active_model()
    {
        var assignment = new ModelAssignment("fl-xgb", null, 0);
        Assert.All(Enumerable.Range(1, 1000), id => Assert.Equal("fl-xgb", assignment.ServedFor(id)));
        Assert.Equal(["fl-xgb"], assignment.Models);
    }

    [Fact]
    public void A_challenger_serves_about_its_share_and_always_the_same_jobs()
    {
        var assignment = new ModelAssignment("fl-xgb", "fl-lr", 0.25);
        var served = Enumerable.Range(1, 20_000).Count(id => assignment.ServedFor(id) == "fl-lr");
        Assert.InRange(served, 4_600, 5_400);
        Assert.Equal(assignment.ServedFor(12345), assignment.ServedFor(12345));
        Assert.Equal(["fl-xgb", "fl-lr"], assignment.Models);
    }

    [Theory]
    [InlineData("", null, 0)]
    [InlineData("a", "a", 0.5)]
    [InlineData("a", null, 0.5)]
    [InlineData("a", "b", 1.5)]
    [InlineData("a", "b", -0.1)]
    public void Invalid_assignments_are_refused(string active, string? challenger, double share) =>
        Assert.Throws<DomainRuleException>(() => new ModelAssignment(active, challenger, share));
}
