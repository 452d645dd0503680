namespace RefundSaver.Application.AppStore.Api;

/// <summary>What became of one call to the App Store Server API.</summary>
public enum AppStoreAnswerKind
{
    /// <summary>202 (or 200 where the endpoint answers with a body).</summary>
    Accepted,

    /// <summary>400, 403, 404 and any other 4xx but 401, 408 and 429: Apple refused this request as it is.</summary>
    Rejected,

    /// <summary>401 even with a freshly made token: the key, key id, issuer id or bundle id is wrong.</summary>
    Unauthorized,

    /// <summary>429: try again at <see cref="AppStoreAnswer.RetryAfter"/>.</summary>
    RateLimited,

    /// <summary>5xx.</summary>
    ServerError,

    /// <summary>No answer within the attempt timeout (or a 408).</summary>
    Timeout,

    /// <summary>No HTTP answer at all: DNS, connection, TLS or a broken response.</summary>
    NetworkError,
}
