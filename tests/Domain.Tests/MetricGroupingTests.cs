using Faultline.Domain.Alerts;
using Faultline.Domain.Analytics;

namespace Faultline.Domain.Tests;

public sealed class MetricGroupingTests
{
    [Fact]
    public void Specs_that_group_by_the_same_dimensions_are_equal_and_others_are_not()
    {
        var spec = new MetricSpec("broken_for", GroupBy: "repository", AlsoGroupBy: ["pipeline"]);
        Assert.Equal(spec, new MetricSpec("broken_for", GroupBy: "repository", AlsoGroupBy: ["pipeline"]));
        Assert.Equal(spec.GetHashCode(), new MetricSpec("broken_for", GroupBy: "repository", AlsoGroupBy: ["pipeline"]).GetHashCode());
        Assert.NotEqual(spec, spec with { AlsoGroupBy = null });
        Assert.Equal(new MetricSpec("broken_for", GroupBy: "pipeline"), new MetricSpec("broken_for", GroupBy: "pipeline", AlsoGroupBy: []));
        Assert.Equal(["repository", "pipeline"], spec.GroupDimensions());
        Assert.Empty(new MetricSpec("broken_for", AlsoGroupBy: ["pipeline"]).GroupDimensions());
    }

    [Fact]
    public void A_group_over_several_dimensions_reads_as_its_values_and_one_over_one_as_its_value()
    {
        Assert.Equal("acme/api · CI", MetricGroup.Label("acme/api\u001fCI"));
        Assert.Equal(["acme/api", "CI"], MetricGroup.Parts("acme/api\u001fCI"));
        Assert.Equal("CI", MetricGroup.Label("CI"));
    }

    [Fact]
    public void The_default_branch_template_alerts_per_repository_and_pipeline()
    {
        var template = AlertTemplates.All.Single(t => t.Id == "default-branch-broken");
        Assert.Equal(["repository", "pipeline"], template.Query.GroupDimensions());
    }
}
