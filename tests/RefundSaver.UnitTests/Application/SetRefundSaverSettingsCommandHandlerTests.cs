using NSubstitute;
using RefundSaver.Application.Common.Interfaces;
using RefundSaver.Application.Common.Results;
using RefundSaver.Application.Profiles;
using RefundSaver.Application.Profiles.Commands.SetRefundSaverSettings;
using RefundSaver.Domain.Common;
using RefundSaver.Domain.Profiles;

namespace RefundSaver.UnitTests.Application;

public sealed class SetRefundSaverSettingsCommandHandlerTests
{
    private static readonly DateTimeOffset Now = new(2026, 11, 22, 12, 0, 0, TimeSpan.Zero);
    private readonly IRefundSaverSettingsStore _store = Substitute.For<IRefundSaverSettingsStore>();
    private readonly TimeProvider _clock = Substitute.For<TimeProvider>();
    private readonly ProfileSelector _selector = new("customer", null);

    public SetRefundSaverSettingsCommandHandlerTests() => _clock.GetUtcNow().Returns(Now);

    private SetRefundSaverSettingsCommandHandler Handler() => new(_store, _clock);

    [Fact]
    public async Task Handle_WhenStoreFindsNoProfile_ShouldFailWithProfileDoesNotExist()
    {
        var result = await Handler().Handle(
            new SetRefundSaverSettingsCommand(Guid.NewGuid(), _selector, Optional<bool?>.Of(true), default), CancellationToken.None);

        result.IsSuccess.ShouldBeFalse();
        result.Error.Code.ShouldBe("profile_does_not_exist");
        result.Error.Kind.ShouldBe(ErrorKind.Validation);
    }

    [Fact]
    public async Task Handle_WhenStoreChangesTheProfile_ShouldReturnWhatItAnswered()
    {
        var answered = new ProfileSettingsDto(Guid.NewGuid(), new RefundSaverSettingsDto(true, "grant"));
        _store.ChangeAsync(default, default!, default, default, default, default).ReturnsForAnyArgs(answered);

        var result = await Handler().Handle(
            new SetRefundSaverSettingsCommand(Guid.NewGuid(), _selector, Optional<bool?>.Of(true), Optional<string?>.Of("grant")),
            CancellationToken.None);

        result.Value.ShouldBe(answered);
    }

    [Theory]
    [InlineData("grant", CustomPreference.Grant)]
    [InlineData("decline", CustomPreference.Decline)]
    [InlineData("no_preference", CustomPreference.NoPreference)]
    public async Task Handle_WhenPreferenceGiven_ShouldPassItParsedWithTheClocksTime(string name, CustomPreference expected)
    {
        var appId = Guid.NewGuid();

        await Handler().Handle(
            new SetRefundSaverSettingsCommand(appId, _selector, default, Optional<string?>.Of(name)), CancellationToken.None);

        await _store.Received(1).ChangeAsync(
            appId, _selector, Optional<bool?>.Unset, Optional<CustomPreference?>.Of(expected), Now, Arg.Any<CancellationToken>());
    }

    [Fact]
    public async Task Handle_WhenPreferenceIsNullOrLeftOut_ShouldTellTheStoreWhichOneItWas()
    {
        var appId = Guid.NewGuid();

        await Handler().Handle(new SetRefundSaverSettingsCommand(appId, _selector, default, Optional<string?>.Of(null)), CancellationToken.None);
        await Handler().Handle(new SetRefundSaverSettingsCommand(appId, _selector, default, default), CancellationToken.None);

        await _store.Received(1).ChangeAsync(
            appId, _selector, Optional<bool?>.Unset, Optional<CustomPreference?>.Of(null), Now, Arg.Any<CancellationToken>());
        await _store.Received(1).ChangeAsync(
            appId, _selector, Optional<bool?>.Unset, Optional<CustomPreference?>.Unset, Now, Arg.Any<CancellationToken>());
    }
}
