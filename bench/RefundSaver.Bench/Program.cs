using RefundSaver.Bench;

// Benchmark tool for POST /webhooks/app-store (see bench/webhook.sh) and the dispatcher (bench/dispatch.sh):
//   chain --out <dir>                      writes a fresh test signing chain (root.pem is what the API must trust)
//   load --url <base> --chain <dir> ...    pre-signs distinct notifications, then posts them (see LoadCommand)
//   verify-host --port <p> --chain <dir>   a bench-only Kestrel host: POST /verify runs the product's verifier
//   dispatch --api <url> --appstore <url> --postgres <url> --data <dir> backlog and one-by-one runs of the dispatcher against a running AppHost (see DispatchCommand)
if (args.Length == 0)
{
    Console.Error.WriteLine("usage: RefundSaver.Bench chain|load|verify-host|dispatch [--flag value ...]");
    return 2;
}

var options = Flags.Parse(args.AsSpan(1));
return args[0] switch
{
    "chain" => ChainFiles.Write(options.Required("out")),
    "load" => await LoadCommand.RunAsync(options),
    "verify-host" => await VerifyHost.RunAsync(options),
    "dispatch" => await DispatchCommand.RunAsync(options),
    _ => Usage(args[0]),
};

static int Usage(string command)
{
    Console.Error.WriteLine($"unknown command '{command}': chain, load, verify-host or dispatch");
    return 2;
}
