using Microsoft.Extensions.FileProviders;
using Microsoft.Extensions.Hosting;

namespace RefundSaver.Hosting;

internal sealed class AppHostEnvironment(string environmentName, string applicationName, string contentRootPath) : IHostEnvironment
{
    public string EnvironmentName { get; set; } = environmentName;

    public string ApplicationName { get; set; } = applicationName;

    public string ContentRootPath { get; set; } = contentRootPath;

    public IFileProvider ContentRootFileProvider { get; set; } = new NullFileProvider();
}
