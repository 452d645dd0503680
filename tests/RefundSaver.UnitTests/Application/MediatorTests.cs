using FluentValidation;
using Mediator;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Hosting;
using NSubstitute;
using RefundSaver.Application.Apps;
using RefundSaver.Application.AppStore.ConsumptionRequests.Commands.AnswerConsumptionRequest;
using RefundSaver.Application.Apps.Commands.CreateApiKey;
using RefundSaver.Application.Common.Behaviours;
using RefundSaver.Application.Common.Results;
using RefundSaver.Application.Profiles.Commands.LinkTransaction;

namespace RefundSaver.UnitTests.Application;

/// <summary>What the endpoints rely on in the container <c>AddApplication</c> builds: the generated mediator, its validation step and the scanned validators.</summary>
public sealed class MediatorTests
{
    private static readonly System.Reflection.Assembly ApplicationAssembly = typeof(Result<>).Assembly;

    private readonly IRequestHandler<CreateApiKeyCommand, Result<CreatedApiKeyDto>> _handler =
        Substitute.For<IRequestHandler<CreateApiKeyCommand, Result<CreatedApiKeyDto>>>();

    [Fact]
    public async Task Send_WhenAFieldIsInvalid_ShouldAnswerTheValidationFailureWithoutCallingTheHandler()
    {
        await using var services = Build(Services(collection => collection.Replace(ServiceDescriptor.Scoped(_ => _handler))));
        await using var scope = services.CreateAsyncScope();

        var result = await scope.ServiceProvider.GetRequiredService<ISender>()
            .Send(new CreateApiKeyCommand(Guid.NewGuid(), new string('k', 101)));

        result.IsSuccess.ShouldBeFalse();
        result.Error.Kind.ShouldBe(ErrorKind.Validation);
        result.Error.Details.Select(detail => detail.Source).ShouldBe(["Name"]);
        await _handler.DidNotReceiveWithAnyArgs().Handle(default!, default);
    }

    [Fact]
    public async Task Send_WhenTheRequestIsValid_ShouldAnswerWhatItsHandlerAnswered()
    {
        var command = new CreateApiKeyCommand(Guid.NewGuid(), "ci");
        var created = new CreatedApiKeyDto(new ApiKeyDto(Guid.NewGuid(), "key-id", "ci", DateTimeOffset.UnixEpoch, null), "secret");
        _handler.Handle(command, Arg.Any<CancellationToken>()).Returns(Result<CreatedApiKeyDto>.Success(created));
        await using var services = Build(Services(collection => collection.Replace(ServiceDescriptor.Scoped(_ => _handler))));
        await using var scope = services.CreateAsyncScope();

        var result = await scope.ServiceProvider.GetRequiredService<ISender>().Send(command);

        result.Value.ShouldBeSameAs(created);
        await _handler.Received(1).Handle(command, Arg.Any<CancellationToken>());
    }

    [Fact]
    public async Task AddApplication_WhenBuilt_ShouldResolveExactlyOneHandlerForEveryRequest()
    {
        var registrations = Services();
        await using var services = Build(registrations);
        await using var scope = services.CreateAsyncScope();

        foreach (var (request, response) in Requests())
        {
            var handlerType = typeof(IRequestHandler<,>).MakeGenericType(request, response);

            registrations.Count(registration => registration.ServiceType == handlerType).ShouldBe(1, request.Name);
            scope.ServiceProvider.GetRequiredService(handlerType).GetType().Assembly.ShouldBe(ApplicationAssembly, request.Name);
        }
    }

    [Fact]
    public async Task AddApplication_WhenBuilt_ShouldPutTheValidationAndTransactionBehavioursBeforeTheHandlers()
    {
        await using var services = Build(Services());
        await using var scope = services.CreateAsyncScope();

        foreach (var (request, response) in Requests())
        {
            var behaviours = scope.ServiceProvider.GetServices(typeof(IPipelineBehavior<,>).MakeGenericType(request, response));

            // The dispatcher's own command carries a claimed request, not a caller's input: nothing to validate, no failure to answer.
            if (request == typeof(AnswerConsumptionRequestCommand))
            {
                behaviours.ShouldBeEmpty();
                continue;
            }

            // Validation first; then, for a command that writes more than once, its one transaction.
            Type[] expected = typeof(ITransactionalCommand).IsAssignableFrom(request)
                ? [typeof(ValidationBehaviour<,>), typeof(TransactionBehaviour<,>)]
                : [typeof(ValidationBehaviour<,>)];
            behaviours.Select(behaviour => behaviour!.GetType()).ShouldBe(expected.Select(open => open.MakeGenericType(request, response)), request.Name);
        }
    }

    [Fact]
    public async Task AddApplication_WhenBuilt_ShouldRegisterEveryValidatorOfTheAssemblyAndNoOther()
    {
        var validators = ApplicationAssembly.GetTypes()
            .Where(type => type is { IsClass: true, IsAbstract: false, IsGenericTypeDefinition: false })
            .Select(type => (Type: type, Validated: ImplementedArgument(type, typeof(IValidator<>))))
            .Where(validator => validator.Validated is not null)
            .ToList();
        validators.ShouldContain(validator => validator.Type == typeof(CreateApiKeyCommandValidator));
        await using var services = Build(Services());

        foreach (var group in validators.GroupBy(validator => validator.Validated!))
        {
            var registered = services.GetServices(typeof(IValidator<>).MakeGenericType(group.Key)).Select(validator => validator!.GetType());

            registered.ShouldBe(group.Select(validator => validator.Type), ignoreOrder: true);
        }
    }

    /// <summary>The API's registrations of both inner layers, with nothing reachable behind the connection strings.</summary>
    private static IServiceCollection Services(Action<IServiceCollection>? change = null)
    {
        var builder = Host.CreateEmptyApplicationBuilder(new HostApplicationBuilderSettings());
        builder.Configuration.AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["ConnectionStrings:refundsaver"] = "Host=127.0.0.1;Database=unused",
            ["ConnectionStrings:redis"] = "127.0.0.1:1",
        });
        builder.AddApplication();
        builder.AddInfrastructure();
        change?.Invoke(builder.Services);
        return builder.Services;
    }

    private static ServiceProvider Build(IServiceCollection services) =>
        services.BuildServiceProvider(new ServiceProviderOptions { ValidateScopes = true });

    /// <summary>Every message type of the assembly, each of which must be an <see cref="IRequest{TResponse}"/>.</summary>
    private static List<(Type Request, Type Response)> Requests()
    {
        var requests = ApplicationAssembly.GetTypes()
            .Where(type => !type.IsAbstract && typeof(IMessage).IsAssignableFrom(type))
            .Select(type => (type, ImplementedArgument(type, typeof(IRequest<>)).ShouldNotBeNull(type.Name)))
            .ToList();
        requests.ShouldContain((typeof(CreateApiKeyCommand), typeof(Result<CreatedApiKeyDto>)));
        requests.ShouldContain((typeof(LinkTransactionCommand), typeof(Result<TransactionLinkDto>)));
        return requests;
    }

    /// <summary>The type argument of the one closed form of <paramref name="openInterface"/> that <paramref name="type"/> implements, if any.</summary>
    private static Type? ImplementedArgument(Type type, Type openInterface) => type.GetInterfaces()
        .SingleOrDefault(implemented => implemented.IsGenericType && implemented.GetGenericTypeDefinition() == openInterface)
        ?.GetGenericArguments()[0];
}
