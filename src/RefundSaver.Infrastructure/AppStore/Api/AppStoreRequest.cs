using RefundSaver.Application.AppStore.Api;

namespace RefundSaver.Infrastructure.AppStore.Api;

/// <summary>One call to the App Store Server API and what its attempts have learnt so far.</summary>
internal sealed class AppStoreRequest(string operation, AppStoreCall call, HttpMethod method, Uri uri, byte[]? jsonBody)
{
    public string Operation { get; } = operation;

    public AppStoreCall Call { get; } = call;

    public HttpMethod Method { get; } = method;

    public Uri Uri { get; } = uri;

    public byte[]? JsonBody { get; } = jsonBody;

    /// <summary>HTTP attempts made so far.</summary>
    public int Attempts { get; set; }

    /// <summary>The bearer token of the last attempt.</summary>
    public string? Token { get; set; }

    /// <summary>Set when Apple answered 401: the next attempt drops the cached token and makes a new one, once per call.</summary>
    public bool RenewToken { get; set; }

    public bool TokenRenewed { get; set; }
}
