using System.Text;
using Faultline.Application.Common.Exceptions;
using Faultline.Application.Webhooks;
using Faultline.Domain.Ingestion;

namespace Faultline.Application.Tests;

public class WebhookDeliveryTests
{
    private static WebhookDelivery Delivery(string? contentType, string body) =>
        new(Guid.NewGuid(), Provider.Github, "workflow_job", "d-1", contentType, Encoding.UTF8.GetBytes(body), new Dictionary<string, string>());

    [Theory]
    [InlineData("application/x-www-form-urlencoded")]
    [InlineData("Application/X-WWW-Form-Urlencoded; charset=utf-8")]
    public void A_form_carries_its_json_url_encoded_in_the_payload_field(string contentType)
    {
        // Spaces as '+', everything else percent-encoded, other fields around it: what a form encoder may send.
        var delivery = Delivery(contentType, "zen=x&payload=%7B%22name%22%3A+%22linters+%C3%A9%22%2C+%22plus%22%3A+%22a%2Bb%22%7D&more=1");

        using var payload = delivery.ParsePayload();

        Assert.Equal("linters é", payload.RootElement.GetProperty("name").GetString());
        Assert.Equal("a+b", payload.RootElement.GetProperty("plus").GetString());
        Assert.Equal("{\"name\": \"linters é\", \"plus\": \"a+b\"}", delivery.PayloadText());
    }

    [Theory]
    [InlineData("application/json")]
    [InlineData(null)]
    public void Any_other_body_is_the_json_itself(string? contentType)
    {
        using var payload = Delivery(contentType, "{\"name\": \"linters\"}").ParsePayload();

        Assert.Equal("linters", payload.RootElement.GetProperty("name").GetString());
    }

    [Theory]
    [InlineData("application/x-www-form-urlencoded", "zen=%7B%7D", "payload")]
    [InlineData("application/x-www-form-urlencoded", "payload=%7B%22name%22%3A", "payload")]
    [InlineData("application/json", "payload=%7B%7D", "body")]
    public void A_form_without_its_field_or_a_body_that_is_not_json_is_a_validation_error(string contentType, string body, string field)
    {
        var invalid = Assert.Throws<RequestValidationException>(() => Delivery(contentType, body).ParsePayload());

        Assert.Equal([field], invalid.Errors.Keys);
    }
}
