using RefundSaver.AppHost;
using RefundSaver.Hosting;

var builder = DistributedApplication.CreateBuilder(args);
AppHostTopology.Configure(builder);
builder.Build().Run();
