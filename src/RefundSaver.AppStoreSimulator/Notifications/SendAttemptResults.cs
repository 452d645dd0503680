namespace RefundSaver.AppStoreSimulator.Notifications;

/// <summary>Apple's <c>sendAttemptResult</c> values for one delivery attempt.</summary>
public static class SendAttemptResults
{
    public const string Success = "SUCCESS";
    public const string TimedOut = "TIMED_OUT";
    public const string TlsIssue = "TLS_ISSUE";
    public const string CircularRedirect = "CIRCULAR_REDIRECT";
    public const string NoResponse = "NO_RESPONSE";
    public const string SocketIssue = "SOCKET_ISSUE";
    public const string UnsupportedCharset = "UNSUPPORTED_CHARSET";
    public const string InvalidResponse = "INVALID_RESPONSE";
    public const string PrematureClose = "PREMATURE_CLOSE";
    public const string UnsuccessfulHttpResponseCode = "UNSUCCESSFUL_HTTP_RESPONSE_CODE";
    public const string Other = "OTHER";
}
