namespace RefundSaver.Application.Apps.Commands.CreateApp;

public sealed record CreatedAppDto(AppDto App, CreatedApiKeyDto ApiKey);
