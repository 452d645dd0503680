using Microsoft.Extensions.DependencyInjection;
using NSubstitute;
using RefundSaver.Application.Common.Messaging;

namespace RefundSaver.UnitTests.Application;

public sealed class MediatorTests
{
    public sealed record Ping(string Text) : IRequest<string>;

    [Fact]
    public async Task Send_WhenHandlerRegistered_ShouldReturnItsAnswer()
    {
        var handler = Substitute.For<IRequestHandler<Ping, string>>();
        handler.Handle(Arg.Any<Ping>(), Arg.Any<CancellationToken>()).Returns(call => "pong:" + call.Arg<Ping>().Text);
        await using var services = new ServiceCollection()
            .AddSingleton(handler)
            .AddScoped<ISender, Mediator>()
            .BuildServiceProvider();

        var answer = await services.GetRequiredService<ISender>().Send(new Ping("a"));

        answer.ShouldBe("pong:a");
    }

    [Fact]
    public async Task Send_WhenBehavioursRegistered_ShouldRunThemOutermostFirstAroundTheHandler()
    {
        List<string> calls = [];
        var handler = Substitute.For<IRequestHandler<Ping, string>>();
        handler.Handle(Arg.Any<Ping>(), Arg.Any<CancellationToken>()).Returns(_ =>
        {
            calls.Add("handler");
            return "done";
        });
        await using var services = new ServiceCollection()
            .AddSingleton(handler)
            .AddSingleton<IPipelineBehavior<Ping, string>>(new RecordingBehaviour("outer", calls))
            .AddSingleton<IPipelineBehavior<Ping, string>>(new RecordingBehaviour("inner", calls))
            .AddScoped<ISender, Mediator>()
            .BuildServiceProvider();

        await services.GetRequiredService<ISender>().Send(new Ping("a"));

        calls.ShouldBe(["outer:before", "inner:before", "handler", "inner:after", "outer:after"]);
    }

    [Fact]
    public async Task Send_WhenBehaviourShortCircuits_ShouldNotCallTheHandler()
    {
        var handler = Substitute.For<IRequestHandler<Ping, string>>();
        var behaviour = Substitute.For<IPipelineBehavior<Ping, string>>();
        behaviour.Handle(Arg.Any<Ping>(), Arg.Any<RequestHandlerDelegate<string>>(), Arg.Any<CancellationToken>()).Returns("stopped");
        await using var services = new ServiceCollection()
            .AddSingleton(handler)
            .AddSingleton(behaviour)
            .AddScoped<ISender, Mediator>()
            .BuildServiceProvider();

        var answer = await services.GetRequiredService<ISender>().Send(new Ping("a"));

        answer.ShouldBe("stopped");
        await handler.DidNotReceiveWithAnyArgs().Handle(default!, default);
    }

    [Fact]
    public async Task Send_WhenNoHandlerRegistered_ShouldThrow()
    {
        await using var services = new ServiceCollection().AddScoped<ISender, Mediator>().BuildServiceProvider();

        await Should.ThrowAsync<InvalidOperationException>(() => services.GetRequiredService<ISender>().Send(new Ping("a")));
    }

    private sealed class RecordingBehaviour(string name, List<string> calls) : IPipelineBehavior<Ping, string>
    {
        public async Task<string> Handle(Ping request, RequestHandlerDelegate<string> next, CancellationToken cancellationToken)
        {
            calls.Add(name + ":before");
            var answer = await next(cancellationToken);
            calls.Add(name + ":after");
            return answer;
        }
    }
}
