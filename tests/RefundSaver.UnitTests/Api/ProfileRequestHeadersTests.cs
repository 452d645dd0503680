using Microsoft.AspNetCore.Http;
using RefundSaver.Api.Endpoints;
using RefundSaver.Api.Errors;

namespace RefundSaver.UnitTests.Api;

public sealed class ProfileRequestHeadersTests
{
    private static HttpRequest Request(params (string Name, string Value)[] headers)
    {
        var context = new DefaultHttpContext();
        foreach (var (name, value) in headers)
        {
            context.Request.Headers[name] = value;
        }

        return context.Request;
    }

    [Fact]
    public void ReadSelector_WhenOneHeaderIsGiven_ShouldNameTheProfileByIt()
    {
        var selector = Request(("adapty-customer-user-id", "customer-7")).ReadSelector();

        selector.IsSuccess.ShouldBeTrue();
        selector.Value.CustomerUserId.ShouldBe("customer-7");
        selector.Value.ProfileId.ShouldBeNull();
    }

    [Theory]
    [InlineData(false, "Either the adapty-customer-user-id or the adapty-profile-id header is required.")]
    [InlineData(true, "Give only one of the adapty-customer-user-id and adapty-profile-id headers, not both.")]
    public void ReadSelector_WhenNeitherOrBothHeadersAreGiven_ShouldFailOnTheWholeRequestNamingThem(bool both, string message)
    {
        var request = both
            ? Request(("adapty-customer-user-id", "customer-7"), ("adapty-profile-id", Guid.NewGuid().ToString()))
            : Request();

        var selector = request.ReadSelector();

        selector.IsSuccess.ShouldBeFalse();
        var detail = selector.Error.Details.ShouldHaveSingleItem();
        WireNames.Of(detail.Source).ShouldBe("non_field_errors");
        detail.Messages.ShouldBe([message]);
    }
}
