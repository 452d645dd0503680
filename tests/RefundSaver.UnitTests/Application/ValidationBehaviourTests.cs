using FluentValidation;
using Mediator;
using NSubstitute;
using RefundSaver.Application.Common.Behaviours;
using RefundSaver.Application.Common.Results;

namespace RefundSaver.UnitTests.Application;

public sealed class ValidationBehaviourTests
{
    public sealed record Named(string? Name, int Count) : IRequest<Result<string>>;

    private sealed class NamedValidator : AbstractValidator<Named>
    {
        public NamedValidator()
        {
            RuleFor(request => request.Name).NotEmpty().WithMessage("Name is required.").OverridePropertyName("name");
            RuleFor(request => request.Count).GreaterThan(0).WithMessage("Count must be positive.").OverridePropertyName("count");
        }
    }

    [Fact]
    public async Task Handle_WhenRequestIsValid_ShouldCallNext()
    {
        var next = Substitute.For<MessageHandlerDelegate<Named, Result<string>>>();
        next.Invoke(Arg.Any<Named>(), Arg.Any<CancellationToken>()).Returns(Result<string>.Success("ok"));
        var behaviour = new ValidationBehaviour<Named, Result<string>>([new NamedValidator()]);

        var result = await behaviour.Handle(new Named("a", 1), next, CancellationToken.None);

        result.Value.ShouldBe("ok");
        await next.Received(1).Invoke(Arg.Any<Named>(), Arg.Any<CancellationToken>());
    }

    [Fact]
    public async Task Handle_WhenRequestIsInvalid_ShouldFailWithEveryFieldAndNotCallNext()
    {
        var next = Substitute.For<MessageHandlerDelegate<Named, Result<string>>>();
        var behaviour = new ValidationBehaviour<Named, Result<string>>([new NamedValidator()]);

        var result = await behaviour.Handle(new Named("", 0), next, CancellationToken.None);

        result.IsSuccess.ShouldBeFalse();
        result.Error.Kind.ShouldBe(ErrorKind.Validation);
        result.Error.Code.ShouldBe("validation_error");
        result.Error.Details.Select(detail => detail.Source).ShouldBe(["name", "count"]);
        result.Error.Details[0].Messages.ShouldBe(["Name is required."]);
        await next.DidNotReceiveWithAnyArgs().Invoke(default!, default);
    }
}
