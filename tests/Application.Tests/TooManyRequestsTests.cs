using Faultline.Application.Common.Exceptions;

namespace Faultline.Application.Tests;

public sealed class TooManyRequestsTests
{
    [Theory]
    [InlineData(0.4, "in a second")]
    [InlineData(40, "in 40 seconds")]
    [InlineData(59.2, "in 60 seconds")]
    [InlineData(60, "in 1 minute")]
    [InlineData(61, "in 2 minutes")]
    [InlineData(3600, "in 60 minutes")]
    [InlineData(3601, "in 2 hours")]
    public void The_wait_is_named_rounded_up(double seconds, string text) =>
        Assert.Equal(text, TooManyRequestsException.When(TimeSpan.FromSeconds(seconds)));

    [Fact]
    public void The_message_says_what_was_limited_when_to_retry_and_what_else_to_do() =>
        Assert.Equal("Too many failed sign-ins for this account. Try again in 15 minutes, or reset your password.",
            new TooManyRequestsException("Too many failed sign-ins for this account.", TimeSpan.FromMinutes(15), "or reset your password").Message);
}
