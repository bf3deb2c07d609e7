using Faultline.Application.Common.Exceptions;
using Faultline.Application.Common.Interfaces;
using Faultline.Application.Common.Security;
using Faultline.Domain;
using Faultline.Domain.Accounts;
using Faultline.Domain.Alerts;
using FluentValidation;
using MediatR;

namespace Faultline.Application.Alerts;

/// <summary>A new Slack, e-mail or webhook channel. URLs must reach the outside world, not this server's network.</summary>
[RequiresPermission(PermissionName.AlertsManage)]
public sealed record CreateAlertChannel(string? Name, string? Kind, string? Url, IReadOnlyList<string>? Recipients) : IRequest<CreatedAlertChannelDto>;

public sealed class CreateAlertChannelValidator : AbstractValidator<CreateAlertChannel>
{
    public CreateAlertChannelValidator()
    {
        RuleFor(r => r.Name).NotEmpty().MaximumLength(AlertChannel.MaxNameLength);
        RuleFor(r => r.Kind).Must(code => EnumCode.TryParse<ChannelKind>(code, out _))
            .WithMessage($"Kind must be one of {string.Join(", ", EnumCode.All<ChannelKind>())}.");
        When(r => r.Kind is "slack" or "webhook", () =>
        {
            RuleFor(r => r.Url).NotEmpty().MaximumLength(AlertChannel.MaxUrlLength)
                .Must(url => Uri.TryCreate(url, UriKind.Absolute, out var uri) && uri.Scheme is "http" or "https" && uri.UserInfo.Length == 0)
                .WithMessage("The URL must be an absolute http or https URL without user name or password.");
            RuleFor(r => r.Recipients).Empty().WithMessage("Only e-mail channels have recipients.");
        });
        When(r => r.Kind is "email", () =>
        {
            RuleFor(r => r.Recipients).NotEmpty().Must(list => list!.Count <= AlertChannel.MaxRecipients)
                .WithMessage($"Between 1 and {AlertChannel.MaxRecipients} recipients.");
            RuleForEach(r => r.Recipients).Must(EmailAddress.IsValid).WithMessage("'{PropertyValue}' is not an e-mail address.");
            RuleFor(r => r.Url).Empty().WithMessage("E-mail channels have recipients, not a URL.");
        });
    }
}

public sealed class CreateAlertChannelHandler(IAlertStore store, IDeliveryTargetGuard guard, ISecretGenerator secrets, TimeProvider clock)
    : IRequestHandler<CreateAlertChannel, CreatedAlertChannelDto>
{
    public async Task<CreatedAlertChannelDto> Handle(CreateAlertChannel request, CancellationToken cancellationToken)
    {
        var kind = EnumCode.Parse<ChannelKind>(request.Kind!);
        if (kind != ChannelKind.Email && await guard.ProblemWithAsync(new Uri(request.Url!), cancellationToken) is { } problem)
            throw RequestValidationException.For("url", problem);

        var channel = new AlertChannel(Guid.CreateVersion7(), request.Name!.Trim(), kind, kind == ChannelKind.Email ? null : request.Url,
            request.Recipients?.Select(r => EmailAddress.Parse(r).Value).Distinct().ToList() ?? [],
            kind == ChannelKind.Webhook ? "whsec_" + secrets.NewSecret() : null, clock.GetUtcNow());
        await store.AddChannelAsync(channel, cancellationToken);
        var dto = AlertChannelDto.From(channel, null);
        return new CreatedAlertChannelDto(dto.Id, dto.Name, dto.Kind, dto.Target, dto.CreatedAt, dto.Health, channel.Secret);
    }
}
