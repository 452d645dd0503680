var builder = WebApplication.CreateBuilder(args);
builder.AddServiceDefaults();
builder.AddApplication();
builder.AddInfrastructure();
builder.AddApi();

var app = builder.Build();
app.UseApi();
app.MapDefaultEndpoints();
app.MapApi();
app.Run();

public partial class Program;
