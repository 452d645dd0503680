using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using RefundSaver.Api.Errors;
using RefundSaver.Application.AppStore;
using RefundSaver.Application.Common.Results;

namespace RefundSaver.UnitTests.Api;

public sealed class ApiErrorsTests
{
    private static DefaultHttpContext Context() =>
        new() { RequestServices = new ServiceCollection().AddLogging().BuildServiceProvider() };

    [Theory]
    [InlineData(ErrorKind.Validation, 400)]
    [InlineData(ErrorKind.Unauthorized, 401)]
    [InlineData(ErrorKind.NotFound, 404)]
    [InlineData(ErrorKind.Conflict, 409)]
    [InlineData(ErrorKind.TooLarge, 413)]
    [InlineData(ErrorKind.Unprocessable, 422)]
    [InlineData(ErrorKind.Unavailable, 503)]
    public void ToResult_WhenErrorOfAKind_ShouldAnswerItsStatusInTheErrorShape(ErrorKind kind, int status)
    {
        var error = new Error(kind, "some_code", [new ErrorDetail("field", ["message"])]);

        var result = error.ToResult(Context());

        result.StatusCode.ShouldBe(status);
        result.Value!.StatusCode.ShouldBe(status);
        result.Value.ErrorCode.ShouldBe("some_code");
        result.Value.Errors.ShouldHaveSingleItem().Source.ShouldBe("field");
    }

    [Fact]
    public void ToResult_WhenUnavailable_ShouldTellTheCallerWhenToRetry()
    {
        var context = Context();

        AppStoreErrors.CannotVerifyNow("OCSP did not answer").ToResult(context);

        context.Response.Headers.RetryAfter.ToString().ShouldBe(ApiErrors.RetryAfterSeconds);
    }

    [Fact]
    public void ToResult_WhenAClientMistake_ShouldNotAskForARetry()
    {
        var context = Context();

        AppStoreErrors.Malformed("bad").ToResult(context);

        context.Response.Headers.RetryAfter.ToString().ShouldBeEmpty();
    }
}
