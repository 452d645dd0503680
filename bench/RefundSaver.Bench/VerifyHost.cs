using System.Text.Json;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using RefundSaver.Application.AppStore;
using RefundSaver.Infrastructure.AppStore;

namespace RefundSaver.Bench;

/// <summary>
/// Benchmark-only host (never part of the product): <c>POST /verify</c> with the webhook's body
/// <c>{"signedPayload":…}</c> runs the product's verifier on it and on its nested
/// <c>data.signedTransactionInfo</c>, answering 200 or 401: the verification-only ceiling.
/// </summary>
internal static class VerifyHost
{
    public static async Task<int> RunAsync(Flags flags)
    {
        var port = flags.Int("port", 5099);
        var rootPem = ChainFiles.RootPem(flags.Required("chain"));
        ISignedPayloadVerifier verifier = new SignedPayloadVerifier(
            Options.Create(new AppStoreVerificationOptions { ExtraTrustedRoots = [rootPem] }), TimeProvider.System);

        var builder = WebApplication.CreateSlimBuilder();
        builder.Logging.ClearProviders();
        builder.WebHost.UseUrls($"http://127.0.0.1:{port}");
        var app = builder.Build();
        app.MapPost("/verify", async (HttpContext context) =>
        {
            using var body = await JsonDocument.ParseAsync(context.Request.Body, cancellationToken: context.RequestAborted);
            var signedPayload = body.RootElement.TryGetProperty("signedPayload", out var sp) ? sp.GetString() : null;
            var outer = verifier.Verify(signedPayload ?? "", []);
            if (outer.Status != VerificationStatus.Verified)
            {
                return Results.Text(outer.FailureReason, statusCode: 401);
            }

            var nested = outer.Payload.TryGetProperty("data", out var data)
                && data.TryGetProperty("signedTransactionInfo", out var sti) ? sti.GetString() : null;
            if (nested is not null && verifier.Verify(nested, []) is { Status: not VerificationStatus.Verified } inner)
            {
                return Results.Text(inner.FailureReason, statusCode: 401);
            }

            return Results.Ok();
        });
        await app.StartAsync();
        Console.WriteLine($"verify-host listening on http://127.0.0.1:{port}/verify");
        await app.WaitForShutdownAsync();
        return 0;
    }
}
